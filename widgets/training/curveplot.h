#pragma once

#include "store/runrecord.h"
#include "train/trainobserver.h"

#include <QList>
#include <QString>
#include <QVector>
#include <QWidget>

#include <memory>

class QCheckBox;
class QCPAxisRect;
class QCPGraph;
class QCPLegend;
class QCPTextElement;
class QCustomPlot;
class QLabel;
class QSlider;

namespace qb {

class CurveLegendItem;
class CurveReadout;
class TrainingController;

/// A finished run from the history, drawn behind the live run for comparison.
struct OverlayRun
{
    qint64 runId = -1;
    QString label;
    QList<EpochMetrics> epochs;
};

/// Live training curves: loss on top (train and test loss per epoch, and the per-batch loss smoothed
/// with an exponential moving average as a thin line at fractional epochs, x = epoch-1 + batch/batches),
/// accuracy below (train and test accuracy per epoch, in percent), one legend under both plots (never
/// on the data) and a title that says what is drawn. History runs can be overlaid in their own
/// colors, test dashed and (switchable) train solid, thinner than the live run drawn on top of them.
/// Hovering shows a vertical line at the nearest epoch and the value of every curve there.
/// The epoch axis has integer ticks only. Toolbar: smoothing, logarithmic loss axis, train curves of
/// overlaid runs, reset zoom, export. Lives in the GUI thread; every update only queues a replot, so
/// feeding it never blocks the event loop.
class CurvePlot : public QWidget
{
    Q_OBJECT
public:
    explicit CurvePlot(QWidget *parent = nullptr);
    ~CurvePlot() override;

    /// Feeds the live curves from a controller's signals (a new run clears them).
    void followController(TrainingController *controller);

    /// Clears the live curves and names the live run ("Run 7"), which is training from now on.
    void startLiveRun(const QString &label);
    /// The live run has ended (its curves stay; the title no longer says it trains).
    void finishLiveRun();
    void addBatch(const BatchProgress &progress);
    void addEpoch(const EpochMetrics &metrics);
    void setOverlayRuns(const QList<OverlayRun> &runs);

    /// EMA factor applied to the batch loss, 0 (raw) .. 0.99.
    double smoothing() const { return m_smoothing; }
    void setSmoothing(double factor);
    bool isLogLossAxis() const;
    void setLogLossAxis(bool on);
    /// Whether overlaid history runs show their train curves too (solid) besides the test curves
    /// (dashed). On by default.
    bool showsOverlayTrainCurves() const { return m_overlayTrain; }
    void setShowOverlayTrainCurves(bool on);
    /// Back to automatic ranges (follows the data again).
    void resetZoom();

    /// The plot's title: what is drawn ("Run 7 (training) with runs 3, 4 from the history").
    QString title() const;
    /// Shows the hover readout at the epoch nearest to `key` (what moving the mouse does); false
    /// when there is no epoch point to show.
    bool showValuesAt(double key);
    void hideValues();
    /// The hover readout's text, empty while hidden.
    QString valuesText() const;

    int liveEpochPointCount() const;
    int liveBatchPointCount() const;
    int overlayCount() const { return int(m_overlays.size()); }
    QCustomPlot *plot() const { return m_plot; }
    QCPAxisRect *lossRect() const { return m_lossRect; }
    QCPAxisRect *accuracyRect() const { return m_accRect; }
    /// The one legend, in a row under both plots.
    QCPLegend *legend() const { return m_legend; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    /// The graphs of one run; the train ones are null for an overlay whose train curves are hidden.
    struct RunGraphs
    {
        QString name; ///< "Run 3"
        QCPGraph *trainLoss = nullptr;
        QCPGraph *testLoss = nullptr;
        QCPGraph *trainAcc = nullptr;
        QCPGraph *testAcc = nullptr;
    };

    void setupPlot();
    QWidget *createToolbar();
    QCPGraph *addGraph(QCPAxisRect *rect, const QString &name, const QPen &pen, bool markers);
    CurveLegendItem *addToLegend(QCPGraph *graph, const QString &text);
    /// Removes a graph from the plot and from every legend it is in (the one place graphs are removed).
    void removeGraph(QCPGraph *graph);
    void rebuildOverlays();
    void showLiveInLegend();
    void layoutLegend();
    void updateTitle();
    QString valuesAt(double epoch) const;
    void recomputeSmoothedBatches();
    void updateRanges();
    void queueReplot();

    QCustomPlot *m_plot = nullptr;
    QCPAxisRect *m_lossRect = nullptr;
    QCPAxisRect *m_accRect = nullptr;
    QCPLegend *m_legend = nullptr;
    QCPTextElement *m_title = nullptr;
    std::unique_ptr<CurveReadout> m_readout;

    QCPGraph *m_batchLoss = nullptr;
    RunGraphs m_live;
    QString m_liveLabel;
    bool m_liveTraining = false;
    QList<CurveLegendItem *> m_liveItems; ///< batch loss, train, test once a live run exists
    QList<OverlayRun> m_overlayRuns;
    QList<RunGraphs> m_overlays;
    bool m_overlayTrain = true;

    QVector<double> m_batchX;
    QVector<double> m_batchRaw;
    double m_ema = 0.0;
    double m_smoothing = 0.6;
    bool m_autoRange = true;

    QSlider *m_smoothingSlider = nullptr;
    QLabel *m_smoothingLabel = nullptr;
    QCheckBox *m_logCheck = nullptr;
    QCheckBox *m_overlayTrainCheck = nullptr;
};

} // namespace qb
