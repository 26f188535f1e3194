#pragma once

#include "store/runrecord.h"
#include "train/trainobserver.h"

#include <QList>
#include <QString>
#include <QVector>
#include <QWidget>

class QCheckBox;
class QCPAxisRect;
class QCPGraph;
class QCPLegend;
class QCPTextElement;
class QCustomPlot;
class QLabel;
class QSlider;

namespace qb {

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
/// accuracy below (train and test accuracy per epoch, in percent). History runs can be overlaid as
/// dimmer lines (test loss and test accuracy), the live run drawn thicker on top of them.
/// Toolbar: smoothing, logarithmic loss axis, reset zoom, export. Lives in the GUI thread; every
/// update only queues a replot, so feeding it never blocks the event loop.
class CurvePlot : public QWidget
{
    Q_OBJECT
public:
    explicit CurvePlot(QWidget *parent = nullptr);
    ~CurvePlot() override;

    /// Feeds the live curves from a controller's signals (a new run clears them).
    void followController(TrainingController *controller);

    /// Clears the live curves and names the live run (shown as the plot's title).
    void startLiveRun(const QString &label);
    void addBatch(const BatchProgress &progress);
    void addEpoch(const EpochMetrics &metrics);
    void setOverlayRuns(const QList<OverlayRun> &runs);

    /// EMA factor applied to the batch loss, 0 (raw) .. 0.99.
    double smoothing() const { return m_smoothing; }
    void setSmoothing(double factor);
    bool isLogLossAxis() const;
    void setLogLossAxis(bool on);
    /// Back to automatic ranges (follows the data again).
    void resetZoom();

    int liveEpochPointCount() const;
    int liveBatchPointCount() const;
    int overlayCount() const { return int(m_overlays.size()); }
    QCustomPlot *plot() const { return m_plot; }
    QCPAxisRect *lossRect() const { return m_lossRect; }
    QCPAxisRect *accuracyRect() const { return m_accRect; }
    QCPLegend *lossLegend() const { return m_lossLegend; }
    QCPLegend *accuracyLegend() const { return m_accLegend; }

private:
    struct OverlayGraphs
    {
        QCPGraph *loss = nullptr;
        QCPGraph *accuracy = nullptr;
    };

    void setupPlot();
    QWidget *createToolbar();
    QCPGraph *addGraph(QCPAxisRect *rect, QCPLegend *legend, const QString &name, const QColor &color,
        double width, bool markers);
    /// Removes a graph from the plot and from every legend it is in (the one place graphs are removed).
    void removeGraph(QCPGraph *graph);
    void recomputeSmoothedBatches();
    void updateRanges();
    void queueReplot();

    QCustomPlot *m_plot = nullptr;
    QCPAxisRect *m_lossRect = nullptr;
    QCPAxisRect *m_accRect = nullptr;
    QCPLegend *m_lossLegend = nullptr;
    QCPLegend *m_accLegend = nullptr;
    QCPTextElement *m_title = nullptr;

    QCPGraph *m_batchLoss = nullptr;
    QCPGraph *m_trainLoss = nullptr;
    QCPGraph *m_testLoss = nullptr;
    QCPGraph *m_trainAcc = nullptr;
    QCPGraph *m_testAcc = nullptr;
    QList<OverlayGraphs> m_overlays;

    QVector<double> m_batchX;
    QVector<double> m_batchRaw;
    double m_ema = 0.0;
    double m_smoothing = 0.6;
    bool m_autoRange = true;

    QSlider *m_smoothingSlider = nullptr;
    QLabel *m_smoothingLabel = nullptr;
    QCheckBox *m_logCheck = nullptr;
};

} // namespace qb
