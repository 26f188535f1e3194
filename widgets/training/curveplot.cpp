#include "training/curveplot.h"

#include "common/plotexport.h"
#include "common/qcp.h"
#include "training/trainingcontroller.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace qb {

namespace {

const QColor kTrainColor(31, 119, 180);
const QColor kTestColor(214, 39, 40);

/// Distinct colors for overlaid history runs (the live run uses blue and red).
QColor overlayColor(int index)
{
    static const QColor palette[]
        = {QColor(255, 127, 14), QColor(44, 160, 44), QColor(148, 103, 189), QColor(140, 86, 75),
            QColor(227, 119, 194), QColor(127, 127, 127), QColor(188, 189, 34), QColor(23, 190, 207)};
    constexpr int n = int(sizeof(palette) / sizeof(palette[0]));
    QColor c = palette[index % n];
    c.setAlpha(150);
    return c;
}

bool hasData(QCPAxis *valueAxis)
{
    const QList<QCPGraph *> graphs = valueAxis->graphs();
    return std::any_of(graphs.begin(), graphs.end(), [](QCPGraph *g) { return !g->data()->isEmpty(); });
}

} // namespace

CurvePlot::CurvePlot(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("curvePlot"));
    m_plot->setMinimumSize(320, 320);
    layout->addWidget(createToolbar());
    layout->addWidget(m_plot, 1);
    setupPlot();
}

CurvePlot::~CurvePlot() = default;

QWidget *CurvePlot::createToolbar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(4, 2, 4, 2);

    row->addWidget(new QLabel(tr("Smoothing:"), bar));
    m_smoothingSlider = new QSlider(Qt::Horizontal, bar);
    m_smoothingSlider->setObjectName(QStringLiteral("smoothingSlider"));
    m_smoothingSlider->setRange(0, 99);
    m_smoothingSlider->setValue(int(m_smoothing * 100.0 + 0.5));
    m_smoothingSlider->setToolTip(tr("Exponential moving average applied to the per-batch loss"));
    m_smoothingSlider->setMaximumWidth(160);
    row->addWidget(m_smoothingSlider);
    m_smoothingLabel = new QLabel(bar);
    m_smoothingLabel->setMinimumWidth(32);
    row->addWidget(m_smoothingLabel);
    connect(m_smoothingSlider, &QSlider::valueChanged, this, [this](int v) { setSmoothing(v / 100.0); });

    m_logCheck = new QCheckBox(tr("Log loss axis"), bar);
    m_logCheck->setObjectName(QStringLiteral("logLossCheck"));
    row->addWidget(m_logCheck);
    connect(m_logCheck, &QCheckBox::toggled, this, &CurvePlot::setLogLossAxis);

    row->addStretch(1);
    auto *reset = new QPushButton(tr("Reset zoom"), bar);
    reset->setObjectName(QStringLiteral("resetZoomButton"));
    row->addWidget(reset);
    connect(reset, &QPushButton::clicked, this, &CurvePlot::resetZoom);
    row->addWidget(createExportButton(m_plot, this, QStringLiteral("training-curves")));
    m_smoothingLabel->setText(QLocale().toString(m_smoothing, 'f', 2));
    return bar;
}

void CurvePlot::setupPlot()
{
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setNoAntialiasingOnDrag(true);
    // History runs go on a layer below the live graphs, so the live run is always on top.
    m_plot->addLayer(
        QStringLiteral("overlays"), m_plot->layer(QStringLiteral("main")), QCustomPlot::limBelow);

    m_plot->plotLayout()->insertRow(0);
    m_title = new QCPTextElement(m_plot, QString(), QFont(font().family(), font().pointSize(), QFont::Bold));
    m_plot->plotLayout()->addElement(0, 0, m_title);

    m_lossRect = m_plot->axisRect();
    m_accRect = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(2, 0, m_accRect);
    auto *margins = new QCPMarginGroup(m_plot);
    m_lossRect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    m_accRect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);

    m_lossRect->axis(QCPAxis::atLeft)->setLabel(tr("Loss"));
    m_accRect->axis(QCPAxis::atBottom)->setLabel(tr("Epoch"));
    m_accRect->axis(QCPAxis::atLeft)->setLabel(tr("Accuracy (%)"));
    m_accRect->axis(QCPAxis::atLeft)->setRange(0, 100);
    m_lossRect->axis(QCPAxis::atBottom)->setRange(0, 1);
    m_accRect->axis(QCPAxis::atBottom)->setRange(0, 1);

    // Both plots share the epoch axis: dragging or zooming one moves the other.
    QCPAxis *lossX = m_lossRect->axis(QCPAxis::atBottom);
    QCPAxis *accX = m_accRect->axis(QCPAxis::atBottom);
    connect(lossX, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), accX,
        qOverload<const QCPRange &>(&QCPAxis::setRange));
    connect(accX, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), lossX,
        qOverload<const QCPRange &>(&QCPAxis::setRange));
    // Once the user drags or zooms, the ranges stop following the data until "Reset zoom".
    connect(m_plot, &QCustomPlot::mousePress, this, [this] { m_autoRange = false; });
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { m_autoRange = false; });

    m_lossLegend = m_plot->legend;
    m_lossLegend->setVisible(true);
    m_lossRect->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_accLegend = new QCPLegend;
    m_accRect->insetLayout()->addElement(m_accLegend, Qt::AlignBottom | Qt::AlignRight);
    m_accLegend->setLayer(QStringLiteral("legend"));
    m_accLegend->setVisible(true);
    for (QCPLegend *legend : {m_lossLegend, m_accLegend}) {
        legend->setBrush(QColor(255, 255, 255, 200));
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * 0.85);
        legend->setFont(f);
    }

    QColor batchColor = kTrainColor;
    batchColor.setAlpha(110);
    m_batchLoss = addGraph(m_lossRect, m_lossLegend, tr("Batch loss (smoothed)"), batchColor, 1.0, false);
    m_trainLoss = addGraph(m_lossRect, m_lossLegend, tr("Train loss"), kTrainColor, 2.5, true);
    m_testLoss = addGraph(m_lossRect, m_lossLegend, tr("Test loss"), kTestColor, 2.5, true);
    m_trainAcc = addGraph(m_accRect, m_accLegend, tr("Train accuracy"), kTrainColor, 2.5, true);
    m_testAcc = addGraph(m_accRect, m_accLegend, tr("Test accuracy"), kTestColor, 2.5, true);
}

QCPGraph *CurvePlot::addGraph(QCPAxisRect *rect, QCPLegend *legend, const QString &name, const QColor &color,
    double width, bool markers)
{
    QCPGraph *graph = m_plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    graph->setName(name);
    graph->setPen(QPen(color, width));
    if (markers)
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, color, color, qMax(6.0, width * 2.2)));
    graph->removeFromLegend();
    if (legend)
        graph->addToLegend(legend);
    return graph;
}

void CurvePlot::removeGraph(QCPGraph *graph)
{
    // QCustomPlot::removeGraph() takes the graph out of the plot's main legend only; an item left in
    // the accuracy legend would point at the deleted graph (a use after free on the next replot).
    for (QCPLegend *legend : {m_lossLegend, m_accLegend})
        graph->removeFromLegend(legend);
    m_plot->removeGraph(graph);
}

void CurvePlot::followController(TrainingController *controller)
{
    connect(controller, &TrainingController::runStarted, this, [this](qint64 runId, int index, int repeats) {
        startLiveRun(repeats > 1 ? tr("Run %1 (seed %2 of %3)").arg(runId).arg(index + 1).arg(repeats)
                                 : tr("Run %1").arg(runId));
    });
    connect(controller, &TrainingController::batchProgress, this, &CurvePlot::addBatch);
    connect(controller, &TrainingController::epochFinished, this,
        [this](qint64, const EpochMetrics &metrics) { addEpoch(metrics); });
}

void CurvePlot::startLiveRun(const QString &label)
{
    for (QCPGraph *g : {m_batchLoss, m_trainLoss, m_testLoss, m_trainAcc, m_testAcc})
        g->data()->clear();
    m_batchX.clear();
    m_batchRaw.clear();
    m_title->setText(label);
    updateRanges();
    queueReplot();
}

void CurvePlot::addBatch(const BatchProgress &progress)
{
    if (progress.batches <= 0)
        return;
    const double x = progress.epoch - 1 + double(progress.batch) / double(progress.batches);
    m_ema = m_batchRaw.isEmpty() ? progress.loss : m_smoothing * m_ema + (1.0 - m_smoothing) * progress.loss;
    m_batchX << x;
    m_batchRaw << progress.loss;
    m_batchLoss->addData(x, m_ema);
    updateRanges();
    queueReplot();
}

void CurvePlot::addEpoch(const EpochMetrics &m)
{
    const double x = m.epoch;
    m_trainLoss->addData(x, m.trainLoss);
    m_testLoss->addData(x, m.testLoss);
    m_trainAcc->addData(x, m.trainAccuracy * 100.0);
    m_testAcc->addData(x, m.testAccuracy * 100.0);
    updateRanges();
    queueReplot();
}

void CurvePlot::setOverlayRuns(const QList<OverlayRun> &runs)
{
    for (const OverlayGraphs &o : qAsConst(m_overlays)) {
        removeGraph(o.loss);
        removeGraph(o.accuracy);
    }
    m_overlays.clear();
    for (int i = 0; i < runs.size(); ++i) {
        const OverlayRun &run = runs.at(i);
        const QColor color = overlayColor(i);
        const QString label = run.label.isEmpty() ? tr("Run %1").arg(run.runId) : run.label;
        OverlayGraphs o;
        // Markers too: a run of one epoch is a single point, invisible as a line.
        o.loss = addGraph(m_lossRect, nullptr, tr("%1: test loss").arg(label), color, 1.2, true);
        o.accuracy = addGraph(m_accRect, m_accLegend, tr("%1: test accuracy").arg(label), color, 1.2, true);
        QVector<double> keys, losses, accuracies;
        for (const EpochMetrics &m : run.epochs) {
            keys << m.epoch;
            losses << m.testLoss;
            accuracies << m.testAccuracy * 100.0;
        }
        o.loss->setData(keys, losses, true);
        o.accuracy->setData(keys, accuracies, true);
        o.loss->setLayer(QStringLiteral("overlays"));
        o.accuracy->setLayer(QStringLiteral("overlays"));
        m_overlays << o;
    }
    updateRanges();
    queueReplot();
}

void CurvePlot::setSmoothing(double factor)
{
    factor = std::clamp(factor, 0.0, 0.99);
    if (qFuzzyCompare(factor + 1.0, m_smoothing + 1.0))
        return;
    m_smoothing = factor;
    m_smoothingLabel->setText(QLocale().toString(factor, 'f', 2));
    const QSignalBlocker block(m_smoothingSlider);
    m_smoothingSlider->setValue(int(factor * 100.0 + 0.5));
    recomputeSmoothedBatches();
    queueReplot();
}

void CurvePlot::recomputeSmoothedBatches()
{
    QVector<double> smoothed(m_batchRaw.size());
    for (int i = 0; i < m_batchRaw.size(); ++i) {
        m_ema = i == 0 ? m_batchRaw[i] : m_smoothing * m_ema + (1.0 - m_smoothing) * m_batchRaw[i];
        smoothed[i] = m_ema;
    }
    m_batchLoss->setData(m_batchX, smoothed, true);
    updateRanges();
}

bool CurvePlot::isLogLossAxis() const
{
    return m_lossRect->axis(QCPAxis::atLeft)->scaleType() == QCPAxis::stLogarithmic;
}

void CurvePlot::setLogLossAxis(bool on)
{
    QCPAxis *axis = m_lossRect->axis(QCPAxis::atLeft);
    if (on == isLogLossAxis())
        return;
    if (on) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        axis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    } else {
        axis->setScaleType(QCPAxis::stLinear);
        axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
    const QSignalBlocker block(m_logCheck);
    m_logCheck->setChecked(on);
    // A zoomed linear range makes no sense on a log axis: follow the data again.
    m_autoRange = true;
    updateRanges();
    queueReplot();
}

void CurvePlot::resetZoom()
{
    m_autoRange = true;
    updateRanges();
    queueReplot();
}

void CurvePlot::updateRanges()
{
    if (!m_autoRange)
        return;
    // The epoch axis spans the epochs begun so far (not the planned ones: a long run would squash
    // its first epochs into a corner).
    double xMax = 1.0;
    for (int i = 0; i < m_plot->graphCount(); ++i) {
        bool found = false;
        const QCPRange keys = m_plot->graph(i)->getKeyRange(found);
        if (found)
            xMax = std::max(xMax, std::ceil(keys.upper - 1e-9));
    }
    // A little room on the right so the markers of the last epoch are not cut in half.
    m_lossRect->axis(QCPAxis::atBottom)->setRange(0, xMax * 1.03);

    // Rescale to the data plus a margin (only with data: rescaling nothing keeps the old range).
    QCPAxis *loss = m_lossRect->axis(QCPAxis::atLeft);
    if (hasData(loss)) {
        loss->rescale();
        const QCPRange r = loss->range();
        if (loss->scaleType() == QCPAxis::stLogarithmic)
            loss->setRange(r.lower / 1.2, r.upper * 1.2);
        else
            loss->setRange(std::max(0.0, r.lower - 0.05 * r.size()), r.upper + 0.05 * r.size() + 1e-3);
    }
    QCPAxis *acc = m_accRect->axis(QCPAxis::atLeft);
    if (hasData(acc)) {
        acc->rescale();
        const QCPRange a = acc->range();
        acc->setRange(std::max(0.0, a.lower - 5.0), std::min(100.0, a.upper + 5.0) + 1e-3);
    } else {
        acc->setRange(0, 100);
    }
}

void CurvePlot::queueReplot() { m_plot->replot(QCustomPlot::rpQueuedReplot); }

int CurvePlot::liveEpochPointCount() const { return m_testAcc->dataCount(); }

int CurvePlot::liveBatchPointCount() const { return m_batchLoss->dataCount(); }

} // namespace qb
