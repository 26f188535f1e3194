#pragma once

#include "history/spikessource.h"

#include <QFutureWatcher>
#include <QList>
#include <QWidget>

#include <memory>

class QComboBox;
class QCPBars;
class QCPTextElement;
class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QVBoxLayout;

namespace qb {

/// Spikes of a trained spiking run for one test image: for every spiking layer a raster (time step
/// on x, neuron on y, a dot per spike; the first kMaxRasterNeurons neurons of a bigger layer), the
/// membrane of chosen neurons against the layer's threshold (dashed), and each layer's firing rate.
/// "Measure activity on the test set" adds the rates over the run's test images and the synaptic
/// operations per image against the MACs of the same network without spikes. Every plot exports.
///
/// Loading the run and its dataset takes seconds and one image a few milliseconds; both run with
/// QtConcurrent in a worker thread, one job at a time (a request made meanwhile runs next). The
/// loaded run is kept for the next images. A run is loaded only while the view is visible.
class SpikesView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kMaxRasterNeurons = 200;
    static constexpr int kMaxMembraneTraces = 10;

    explicit SpikesView(QWidget *parent = nullptr);
    ~SpikesView() override;

    void setDatabasePath(const QString &path);
    void setDataDirectory(const QString &dir);
    /// Shows run `runId` (its spikes for the current image index): now when visible, else when shown.
    void setRun(qint64 runId);
    qint64 runId() const { return m_runId; }
    /// Shows test image `index` of the run.
    void setImageIndex(int index);
    bool isBusy() const;

    /// Shows a finished probe (public so that tests can show a made-up one).
    void showResult(const SpikesResult &result);
    const SpikesResult &result() const { return m_result; }
    /// Starts measuring the activity over the run's test images (the button).
    void measureActivity();
    void cancelMeasurement();
    const ActivityReport &activityReport() const { return m_activity; }

    QString statusText() const;
    QString activityText() const;
    QSpinBox *indexSpin() const { return m_index; }
    QComboBox *membraneLayerCombo() const { return m_membraneLayer; }
    QSpinBox *neuronSpin() const { return m_neuron; }
    QPushButton *measureButton() const { return m_measureButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    int rasterCount() const { return int(m_rasters.size()); }
    QCustomPlot *rasterPlot(int i) const { return m_rasters.value(i).plot; }
    /// Dots drawn in raster `i`, and how many of the layer's neurons it shows.
    int rasterDots(int i) const;
    int rasterNeuronsShown(int i) const;
    QCustomPlot *membranePlot() const { return m_membranePlot; }
    /// The dashed threshold line's value (NaN when none is drawn).
    double thresholdLineValue() const;
    QCustomPlot *ratePlot() const { return m_ratePlot; }
    /// Firing rate (spikes per neuron per time step) of each spiking layer for the image shown.
    QVector<double> imageRates() const;

Q_SIGNALS:
    void resultShown(qint64 runId);
    void activityMeasured(qint64 runId);

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Raster
    {
        QWidget *box = nullptr;
        QCustomPlot *plot = nullptr;
        QCPTextElement *title = nullptr;
    };

    void startProbe();
    void probeDone();
    void measureDone();
    void fillRasters();
    void fillMembrane();
    void fillRates();
    void fillMembraneLayers();
    void placeMembraneLegend();
    void updateButtons();
    Raster addRaster();

    QString m_dbPath;
    QString m_dataDir;
    qint64 m_runId = -1;
    int m_wantedIndex = 0;
    qint64 m_shownRunId = -1;
    int m_shownIndex = -1;
    bool m_probing = false;
    std::shared_ptr<SpikesSource> m_source;
    struct ProbeOutcome
    {
        std::shared_ptr<SpikesSource> source;
        SpikesResult result;
    };
    QFutureWatcher<ProbeOutcome> m_probeWatcher;
    QFutureWatcher<ActivityOutcome> m_measureWatcher;
    SpikesResult m_result;
    ActivityReport m_activity;
    qint64 m_activityRunId = -1;

    QLabel *m_status = nullptr;
    QSpinBox *m_index = nullptr;
    QLabel *m_thumbnail = nullptr;
    QLabel *m_classLabel = nullptr;
    QComboBox *m_membraneLayer = nullptr;
    QSpinBox *m_neuron = nullptr;
    QPushButton *m_measureButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_activityLabel = nullptr;
    QVBoxLayout *m_rasterLayout = nullptr;
    QList<Raster> m_rasters;
    QCustomPlot *m_membranePlot = nullptr;
    QCPTextElement *m_membraneTitle = nullptr;
    QCustomPlot *m_ratePlot = nullptr;
    QCPBars *m_imageBars = nullptr;
    QCPBars *m_testBars = nullptr;
};

} // namespace qb
