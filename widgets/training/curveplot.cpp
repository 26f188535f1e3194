#include "training/curveplot.h"

#include "common/plotexport.h"
#include "common/plottitle.h"
#include "common/qcp.h"
#include "training/curvelegenditem.h"
#include "training/curvereadout.h"
#include "training/trainingcontroller.h"

#include <QCheckBox>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QSlider>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <optional>

namespace qb {

namespace {

const QColor kTrainColor(31, 119, 180);
const QColor kTestColor(214, 39, 40);
constexpr double kLiveWidth = 2.5;
constexpr double kOverlayWidth = 1.4;

/// Distinct colors for overlaid history runs (the live run uses blue and red).
QColor overlayColor(int index)
{
    static const QColor palette[]
        = {QColor(255, 127, 14), QColor(44, 160, 44), QColor(148, 103, 189), QColor(140, 86, 75),
            QColor(227, 119, 194), QColor(127, 127, 127), QColor(188, 189, 34), QColor(23, 190, 207)};
    constexpr int n = int(sizeof(palette) / sizeof(palette[0]));
    QColor c = palette[index % n];
    c.setAlpha(170);
    return c;
}

bool hasData(QCPAxis *valueAxis)
{
    const QList<QCPGraph *> graphs = valueAxis->graphs();
    return std::any_of(graphs.begin(), graphs.end(), [](QCPGraph *g) { return !g->data()->isEmpty(); });
}

/// The value of `graph` at exactly `key`, if it has a point there.
std::optional<double> valueAt(const QCPGraph *graph, double key)
{
    if (!graph)
        return std::nullopt;
    const auto it = graph->data()->findBegin(key - 1e-9, false);
    if (it == graph->data()->constEnd() || std::abs(it->key - key) > 1e-9)
        return std::nullopt;
    return it->value;
}

/// The value of `graph` at its point nearest to `key`, if it has any.
std::optional<double> nearestValue(const QCPGraph *graph, double key)
{
    if (!graph || graph->data()->isEmpty())
        return std::nullopt;
    auto it = graph->data()->findBegin(key, false);
    if (it == graph->data()->constEnd())
        --it;
    else if (it != graph->data()->constBegin() && std::abs((it - 1)->key - key) < std::abs(it->key - key))
        --it;
    return it->value;
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
    m_plot->setMouseTracking(true); // the hover readout follows the mouse without a button pressed
    m_plot->installEventFilter(this);
    layout->addWidget(createToolbar());
    layout->addWidget(m_plot, 1);
    setupPlot();
    updateTitle();
}

CurvePlot::~CurvePlot() = default;

QWidget *CurvePlot::createToolbar()
{
    // A tool bar, so that in a narrow dock what does not fit goes into its ">>" menu instead of
    // making the dock (and the window) wider.
    auto *bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("curvesToolBar"));
    bar->setIconSize(QSize(16, 16));
    auto *row = bar;

    row->addWidget(new QLabel(tr("Smoothing:"), bar));
    m_smoothingSlider = new QSlider(Qt::Horizontal, bar);
    m_smoothingSlider->setObjectName(QStringLiteral("smoothingSlider"));
    m_smoothingSlider->setRange(0, 99);
    m_smoothingSlider->setValue(int(m_smoothing * 100.0 + 0.5));
    m_smoothingSlider->setToolTip(tr("Exponential moving average applied to the per-batch loss"));
    m_smoothingSlider->setMinimumWidth(70);
    m_smoothingSlider->setMaximumWidth(90);
    row->addWidget(m_smoothingSlider);
    m_smoothingLabel = new QLabel(bar);
    m_smoothingLabel->setMinimumWidth(32);
    row->addWidget(m_smoothingLabel);
    connect(m_smoothingSlider, &QSlider::valueChanged, this, [this](int v) { setSmoothing(v / 100.0); });

    m_logCheck = new QCheckBox(tr("Log loss axis"), bar);
    m_logCheck->setObjectName(QStringLiteral("logLossCheck"));
    row->addWidget(m_logCheck);
    connect(m_logCheck, &QCheckBox::toggled, this, &CurvePlot::setLogLossAxis);

    m_overlayTrainCheck = new QCheckBox(tr("Train curves of other runs"), bar);
    m_overlayTrainCheck->setObjectName(QStringLiteral("overlayTrainCheck"));
    m_overlayTrainCheck->setToolTip(
        tr("Also draw the train curves (solid) of the runs selected in the History, not only their test "
           "curves (dashed)"));
    m_overlayTrainCheck->setChecked(m_overlayTrain);
    row->addWidget(m_overlayTrainCheck);
    connect(m_overlayTrainCheck, &QCheckBox::toggled, this, &CurvePlot::setShowOverlayTrainCurves);

    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    row->addWidget(spacer);
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
    m_plot->setAutoAddPlottableToLegend(false);
    // History runs go on a layer below the live graphs, so the live run is always on top.
    m_plot->addLayer(
        QStringLiteral("overlays"), m_plot->layer(QStringLiteral("main")), QCustomPlot::limBelow);

    // Rows: title, loss, accuracy, legend.
    QCPLayoutGrid *grid = m_plot->plotLayout();
    grid->insertRow(0);
    m_title = new QCPTextElement(m_plot, QString(), QFont(font().family(), font().pointSize(), QFont::Bold));
    grid->addElement(0, 0, m_title);

    m_lossRect = m_plot->axisRect();
    m_accRect = new QCPAxisRect(m_plot);
    grid->addElement(2, 0, m_accRect);
    auto *margins = new QCPMarginGroup(m_plot);
    m_lossRect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    m_accRect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);

    m_lossRect->axis(QCPAxis::atLeft)->setLabel(tr("Loss"));
    m_accRect->axis(QCPAxis::atBottom)->setLabel(tr("Epoch"));
    m_accRect->axis(QCPAxis::atLeft)->setLabel(tr("Accuracy (%)"));
    m_accRect->axis(QCPAxis::atLeft)->setRange(0, 100);

    // Both plots share the epoch axis: dragging or zooming one moves the other. Epochs are whole
    // numbers: ticks at 1, 2, 5, 10, ... times an integer, never at 0.2.
    QCPAxis *lossX = m_lossRect->axis(QCPAxis::atBottom);
    QCPAxis *accX = m_accRect->axis(QCPAxis::atBottom);
    auto epochTicker = QSharedPointer<QCPAxisTickerFixed>::create();
    epochTicker->setTickStep(1.0);
    epochTicker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    for (QCPAxis *x : {lossX, accX}) {
        x->setTicker(epochTicker);
        x->setSubTicks(false);
        x->setRange(0, 1);
    }
    connect(lossX, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), accX,
        qOverload<const QCPRange &>(&QCPAxis::setRange));
    connect(accX, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), lossX,
        qOverload<const QCPRange &>(&QCPAxis::setRange));
    // Once the user drags or zooms, the ranges stop following the data until "Reset zoom".
    connect(m_plot, &QCustomPlot::mousePress, this, [this] { m_autoRange = false; });
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { m_autoRange = false; });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) {
        if (!showValuesAt(m_lossRect->axis(QCPAxis::atBottom)->pixelToCoord(event->position().x())))
            hideValues();
    });

    // One legend in a row of its own under the plots, so it never hides a point. It is not the
    // plot's built-in legend (hidden): QCustomPlot cleans only that one when a graph goes, which
    // is why removeGraph() exists.
    m_plot->legend->setVisible(false);
    m_legend = new QCPLegend;
    grid->addElement(3, 0, m_legend);
    grid->setRowStretchFactor(0, 0.001);
    grid->setRowStretchFactor(3, 0.001);
    m_legend->setLayer(QStringLiteral("legend"));
    m_legend->setBorderPen(Qt::NoPen);
    m_legend->setBrush(Qt::NoBrush);
    m_legend->setIconSize(28, 12);
    m_legend->setRowSpacing(0);
    m_legend->setMargins(QMargins(8, 0, 8, 4));
    m_legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
    m_legend->setFont(legendFont);
    connect(m_plot, &QCustomPlot::beforeReplot, this, &CurvePlot::layoutLegend);

    QColor batchColor = kTrainColor;
    batchColor.setAlpha(110);
    m_batchLoss = addGraph(m_lossRect, tr("Batch loss (smoothed)"), QPen(batchColor, 1.0), false);
    m_live.trainLoss = addGraph(m_lossRect, tr("Train loss"), QPen(kTrainColor, kLiveWidth), true);
    m_live.testLoss = addGraph(m_lossRect, tr("Test loss"), QPen(kTestColor, kLiveWidth), true);
    m_live.trainAcc = addGraph(m_accRect, tr("Train accuracy"), QPen(kTrainColor, kLiveWidth), true);
    m_live.testAcc = addGraph(m_accRect, tr("Test accuracy"), QPen(kTestColor, kLiveWidth), true);

    m_readout = std::make_unique<CurveReadout>(m_plot, QList<QCPAxisRect *>{m_lossRect, m_accRect});
}

QCPGraph *CurvePlot::addGraph(QCPAxisRect *rect, const QString &name, const QPen &pen, bool markers)
{
    QCPGraph *graph = m_plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    graph->setName(name);
    graph->setPen(pen);
    if (markers) {
        // Dashed lines (test curves of overlaid runs) get hollow markers, solid ones filled markers.
        const QColor color = pen.color();
        const bool hollow = pen.style() != Qt::SolidLine;
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(color, 1.5),
            hollow ? QBrush(Qt::white) : QBrush(color), std::max(6.0, pen.widthF() * 2.2)));
    }
    return graph;
}

CurveLegendItem *CurvePlot::addToLegend(QCPGraph *graph, const QString &text)
{
    auto *item = new CurveLegendItem(m_legend, graph, text);
    m_legend->addItem(item);
    return item;
}

void CurvePlot::removeGraph(QCPGraph *graph)
{
    if (!graph)
        return;
    // QCustomPlot::removeGraph() takes the graph out of the plot's built-in legend only; an item left
    // in our legend would point at the deleted graph (a use after free on the next replot).
    graph->removeFromLegend(m_legend);
    m_plot->removeGraph(graph);
}

void CurvePlot::followController(TrainingController *controller)
{
    connect(controller, &TrainingController::runStarted, this, [this](qint64 runId, int index, int repeats) {
        startLiveRun(repeats > 1 ? tr("Run %1, seed %2 of %3").arg(runId).arg(index + 1).arg(repeats)
                                 : tr("Run %1").arg(runId));
    });
    connect(controller, &TrainingController::batchProgress, this, &CurvePlot::addBatch);
    connect(controller, &TrainingController::epochFinished, this,
        [this](qint64, const EpochMetrics &metrics) { addEpoch(metrics); });
    connect(controller, &TrainingController::runFinished, this, &CurvePlot::finishLiveRun);
}

void CurvePlot::startLiveRun(const QString &label)
{
    for (QCPGraph *g : {m_batchLoss, m_live.trainLoss, m_live.testLoss, m_live.trainAcc, m_live.testAcc})
        g->data()->clear();
    m_batchX.clear();
    m_batchRaw.clear();
    hideValues();
    m_liveLabel = label;
    m_live.name = label;
    m_liveTraining = true;
    showLiveInLegend();
    updateTitle();
    updateRanges();
    queueReplot();
}

void CurvePlot::finishLiveRun()
{
    m_liveTraining = false;
    updateTitle();
    queueReplot();
}

void CurvePlot::showLiveInLegend()
{
    if (m_liveItems.isEmpty()) {
        m_liveItems << addToLegend(m_live.trainAcc, QString()) << addToLegend(m_live.testAcc, QString())
                    << addToLegend(m_batchLoss, tr("Batch loss (smoothed)"));
        // The live run comes first, before runs overlaid earlier: take every item out and put
        // them back in that order.
        QList<QCPLayoutElement *> items;
        for (int i = 0; i < m_legend->elementCount(); ++i) {
            if (m_legend->elementAt(i))
                items << m_legend->takeAt(i);
        }
        m_legend->simplify();
        std::stable_partition(items.begin(), items.end(), [this](QCPLayoutElement *e) {
            return std::any_of(m_liveItems.begin(), m_liveItems.end(),
                [e](CurveLegendItem *live) { return static_cast<QCPLayoutElement *>(live) == e; });
        });
        for (QCPLayoutElement *e : std::as_const(items))
            m_legend->addElement(e);
    }
    m_liveItems.at(0)->setText(tr("%1: train").arg(m_liveLabel));
    m_liveItems.at(1)->setText(tr("%1: test").arg(m_liveLabel));
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
    m_live.trainLoss->addData(x, m.trainLoss);
    m_live.testLoss->addData(x, m.testLoss);
    m_live.trainAcc->addData(x, m.trainAccuracy * 100.0);
    m_live.testAcc->addData(x, m.testAccuracy * 100.0);
    updateRanges();
    queueReplot();
}

void CurvePlot::setOverlayRuns(const QList<OverlayRun> &runs)
{
    m_overlayRuns = runs;
    rebuildOverlays();
}

void CurvePlot::setShowOverlayTrainCurves(bool on)
{
    if (on == m_overlayTrain)
        return;
    m_overlayTrain = on;
    const QSignalBlocker block(m_overlayTrainCheck);
    m_overlayTrainCheck->setChecked(on);
    rebuildOverlays();
}

void CurvePlot::rebuildOverlays()
{
    hideValues(); // its text would name curves that are gone
    for (const RunGraphs &o : std::as_const(m_overlays)) {
        for (QCPGraph *g : {o.trainLoss, o.testLoss, o.trainAcc, o.testAcc})
            removeGraph(g);
    }
    m_overlays.clear();
    for (int i = 0; i < m_overlayRuns.size(); ++i) {
        const OverlayRun &run = m_overlayRuns.at(i);
        const QColor color = overlayColor(i);
        const QString label = run.label.isEmpty() ? tr("Run %1").arg(run.runId) : run.label;
        RunGraphs o;
        o.name = run.runId >= 0 ? tr("Run %1").arg(run.runId) : label;
        // Markers too: a run of one epoch is a single point, invisible as a line.
        const QPen testPen(color, kOverlayWidth, Qt::DashLine);
        const QPen trainPen(color, kOverlayWidth, Qt::SolidLine);
        if (m_overlayTrain) {
            o.trainLoss = addGraph(m_lossRect, tr("%1: train loss").arg(label), trainPen, true);
            o.trainAcc = addGraph(m_accRect, tr("%1: train accuracy").arg(label), trainPen, true);
            addToLegend(o.trainAcc, tr("%1: train").arg(o.name));
        }
        o.testLoss = addGraph(m_lossRect, tr("%1: test loss").arg(label), testPen, true);
        o.testAcc = addGraph(m_accRect, tr("%1: test accuracy").arg(label), testPen, true);
        addToLegend(o.testAcc, tr("%1: test").arg(o.name));
        QVector<double> keys, trainLoss, testLoss, trainAcc, testAcc;
        for (const EpochMetrics &m : run.epochs) {
            keys << m.epoch;
            trainLoss << m.trainLoss;
            testLoss << m.testLoss;
            trainAcc << m.trainAccuracy * 100.0;
            testAcc << m.testAccuracy * 100.0;
        }
        const QList<std::pair<QCPGraph *, const QVector<double> *>> fills{{o.trainLoss, &trainLoss},
            {o.testLoss, &testLoss}, {o.trainAcc, &trainAcc}, {o.testAcc, &testAcc}};
        for (const auto &[graph, values] : fills) {
            if (!graph)
                continue;
            graph->setData(keys, *values, true);
            graph->setLayer(QStringLiteral("overlays"));
        }
        m_overlays << o;
    }
    updateTitle();
    updateRanges();
    queueReplot();
}

void CurvePlot::updateTitle()
{
    // Run numbers in ascending order (the History lists the newest first).
    QList<qint64> numbers;
    QStringList ids;
    for (const OverlayRun &run : std::as_const(m_overlayRuns)) {
        if (run.runId >= 0)
            numbers << run.runId;
        else
            ids << run.label;
    }
    std::sort(numbers.begin(), numbers.end());
    for (auto it = numbers.crbegin(); it != numbers.crend(); ++it)
        ids.prepend(QString::number(*it));
    // "run 3" / "runs 3, 4": a list of names rather than a count, so no %n plural here.
    const QString others
        = ids.size() == 1 ? tr("run %1").arg(ids.first()) : tr("runs %1").arg(ids.join(tr(", ")));
    QString text;
    if (!m_liveLabel.isEmpty()) {
        const QString live = m_liveTraining ? tr("%1 (training)").arg(m_liveLabel) : m_liveLabel;
        text = ids.isEmpty() ? live : tr("%1 with %2 from the history").arg(live, others);
    } else if (ids.size() == 1) {
        text = tr("Run %1").arg(ids.first());
    } else if (!ids.isEmpty()) {
        text = tr("Runs %1").arg(ids.join(tr(", ")));
    } else {
        text = tr("No curves yet: press Train, or select runs in the History");
    }
    setWrappedTitle(m_title, text);
}

QString CurvePlot::title() const { return wholeTitle(m_title); }

void CurvePlot::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    rewrapTitle(m_title); // a long title would squeeze the plots to the width of one line
}

bool CurvePlot::showValuesAt(double key)
{
    // The epoch with a point nearest to `key`, over every run drawn.
    std::optional<double> nearest;
    for (int i = 0; i < m_plot->graphCount(); ++i) {
        const QCPGraph *graph = m_plot->graph(i);
        if (graph == m_batchLoss || graph->data()->isEmpty())
            continue;
        auto it = graph->data()->findBegin(key, false);
        for (auto candidate : {it, it == graph->data()->constBegin() ? it : it - 1}) {
            if (candidate == graph->data()->constEnd())
                continue;
            if (!nearest || std::abs(candidate->key - key) < std::abs(*nearest - key))
                nearest = candidate->key;
        }
    }
    if (!nearest) {
        hideValues();
        return false;
    }
    if (!m_readout->isShown() || m_readout->key() != *nearest || m_readout->text() != valuesAt(*nearest)) {
        m_readout->show(*nearest, valuesAt(*nearest));
        queueReplot();
    }
    return true;
}

void CurvePlot::hideValues()
{
    if (!m_readout->isShown())
        return;
    m_readout->hide();
    queueReplot();
}

QString CurvePlot::valuesText() const { return m_readout->isShown() ? m_readout->text() : QString(); }

QString CurvePlot::valuesAt(double epoch) const
{
    const QLocale locale;
    QStringList lines{tr("Epoch %1").arg(locale.toString(epoch, 'g', 6))};
    auto describe = [&](const QString &kind, const QCPGraph *acc, const QCPGraph *loss) -> QString {
        const std::optional<double> a = valueAt(acc, epoch);
        const std::optional<double> l = valueAt(loss, epoch);
        if (a && l)
            return tr("%1 %2 % (loss %3)")
                .arg(kind, locale.toString(*a, 'f', 2), locale.toString(*l, 'f', 4));
        if (a)
            return tr("%1 %2 %").arg(kind, locale.toString(*a, 'f', 2));
        if (l)
            return tr("%1 loss %2").arg(kind, locale.toString(*l, 'f', 4));
        return QString();
    };
    QList<const RunGraphs *> runs{&m_live};
    for (const RunGraphs &o : m_overlays)
        runs << &o;
    for (const RunGraphs *run : std::as_const(runs)) {
        QStringList parts;
        for (const QString &part : {describe(tr("train"), run->trainAcc, run->trainLoss),
                 describe(tr("test"), run->testAcc, run->testLoss)}) {
            if (!part.isEmpty())
                parts << part;
        }
        if (!parts.isEmpty())
            lines << tr("%1: %2").arg(run->name, parts.join(tr(" · ")));
    }
    // The smoothed batch loss has points between epochs: its point nearest to this epoch's end.
    if (const std::optional<double> batch = nearestValue(m_batchLoss, epoch))
        lines << tr("Batch loss (smoothed): %1").arg(locale.toString(*batch, 'f', 4));
    return lines.join(QLatin1Char('\n'));
}

bool CurvePlot::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot && event->type() == QEvent::Leave)
        hideValues();
    return QWidget::eventFilter(watched, event);
}

void CurvePlot::layoutLegend()
{
    // As many columns as the widest entry allows, so the legend row stays short.
    // (A legend of several columns has empty cells: item(i) is null there.)
    int count = 0;
    int widest = 1;
    for (int i = 0; i < m_legend->itemCount(); ++i) {
        if (const QCPAbstractLegendItem *item = m_legend->item(i)) {
            ++count;
            widest = std::max(widest, item->minimumOuterSizeHint().width() + m_legend->columnSpacing());
        }
    }
    const QMargins margins = m_legend->margins();
    const int available = m_plot->viewport().width() - margins.left() - margins.right();
    const int columns = std::clamp(available / widest, 1, std::max(1, count));
    if (columns != m_legend->wrap()) {
        m_legend->setWrap(columns);
        m_legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    }
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

int CurvePlot::liveEpochPointCount() const { return m_live.testAcc->dataCount(); }

int CurvePlot::liveBatchPointCount() const { return m_batchLoss->dataCount(); }

} // namespace qb
