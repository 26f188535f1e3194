#include "history/spikesview.h"

#include "common/plotexport.h"
#include "common/plottitle.h"
#include "common/qcp.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <limits>

namespace qb {

namespace {

constexpr int kThumbnailSize = 56;

QColor traceColor(int i)
{
    return QColor::fromHsv((i * 360 / SpikesView::kMaxMembraneTraces) % 360, 200, 200);
}

double firingRate(const SpikingLayerActivity &layer)
{
    if (layer.steps <= 0 || layer.neurons <= 0)
        return 0.0;
    double spikes = 0.0;
    for (float s : layer.spikes)
        spikes += s;
    return spikes / (double(layer.steps) * layer.neurons);
}

/// A plot with an Export… button below it, in a box of its own.
QWidget *plotBox(QCustomPlot **plot, const QString &suggestedName, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    *plot = new QCustomPlot(box);
    (*plot)->setMinimumSize(160, 150);
    layout->addWidget(*plot, 1);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(createExportButton(*plot, box, suggestedName));
    layout->addLayout(row);
    return box;
}

} // namespace

SpikesView::SpikesView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_status = new QLabel(
        tr("Select a finished run of a spiking network in the history to see its spikes."), this);
    m_status->setObjectName(QStringLiteral("spikesStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto *controls = new QHBoxLayout;
    auto *indexLabel = new QLabel(tr("Test image"), this);
    m_index = new QSpinBox(this);
    m_index->setObjectName(QStringLiteral("imageIndex"));
    m_index->setRange(0, 0);
    m_index->setKeyboardTracking(false);
    m_index->setToolTip(tr("Index of the test image whose spikes are shown"));
    indexLabel->setBuddy(m_index);
    m_thumbnail = new QLabel(this);
    m_thumbnail->setFixedSize(kThumbnailSize, kThumbnailSize);
    m_thumbnail->setFrameShape(QFrame::StyledPanel);
    m_thumbnail->setAlignment(Qt::AlignCenter);
    m_classLabel = new QLabel(this);
    m_classLabel->setObjectName(QStringLiteral("classLabel"));
    controls->addWidget(indexLabel);
    controls->addWidget(m_index);
    controls->addWidget(m_thumbnail);
    controls->addWidget(m_classLabel);
    controls->addSpacing(16);
    auto *membraneLabel = new QLabel(tr("Membrane of"), this);
    m_membraneLayer = new QComboBox(this);
    m_membraneLayer->setObjectName(QStringLiteral("membraneLayer"));
    m_membraneLayer->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    membraneLabel->setBuddy(m_membraneLayer);
    m_neuron = new QSpinBox(this);
    m_neuron->setObjectName(QStringLiteral("membraneNeuron"));
    m_neuron->setRange(-1, 0);
    m_neuron->setSpecialValueText(tr("first %1").arg(kMaxMembraneTraces));
    m_neuron->setPrefix(tr("neuron "));
    m_neuron->setToolTip(
        tr("One neuron's membrane, or the first %1 neurons' (the lowest value)").arg(kMaxMembraneTraces));
    controls->addWidget(membraneLabel);
    controls->addWidget(m_membraneLayer);
    controls->addWidget(m_neuron);
    controls->addStretch(1);
    m_measureButton = new QPushButton(tr("Measure on the test set"), this);
    m_measureButton->setObjectName(QStringLiteral("measureActivityButton"));
    m_measureButton->setToolTip(tr("Average spikes per image of every spiking layer and the synaptic "
                                   "operations over the run's test images (takes a while)"));
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(100);
    m_progress->hide();
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelActivityButton"));
    m_cancelButton->hide();
    layout->addLayout(controls);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    auto *rasterScroll = new QScrollArea(splitter);
    rasterScroll->setWidgetResizable(true);
    rasterScroll->setFrameShape(QFrame::NoFrame);
    auto *rasterContent = new QWidget;
    m_rasterLayout = new QVBoxLayout(rasterContent);
    m_rasterLayout->setContentsMargins(0, 0, 0, 0);
    m_rasterLayout->addStretch(1);
    rasterScroll->setWidget(rasterContent);
    splitter->addWidget(rasterScroll);

    rasterScroll->setMinimumWidth(200);
    splitter->addWidget(plotBox(&m_membranePlot, tr("membrane"), splitter));
    auto *right = new QWidget(splitter);
    auto *rateColumn = new QVBoxLayout(right);
    rateColumn->setContentsMargins(0, 0, 0, 0);
    rateColumn->addWidget(plotBox(&m_ratePlot, tr("firing-rates"), right), 1);
    // The test-set measurement sits with the chart it adds to (the row above stays narrow, so
    // that the dock does not squeeze the side columns of a 1366-pixel window).
    auto *measureRow = new QHBoxLayout;
    m_measureButton->setParent(right);
    m_progress->setParent(right);
    m_cancelButton->setParent(right);
    measureRow->addWidget(m_measureButton, 1);
    measureRow->addWidget(m_progress);
    measureRow->addWidget(m_cancelButton);
    rateColumn->addLayout(measureRow);
    m_activityLabel = new QLabel(right);
    m_activityLabel->setObjectName(QStringLiteral("activityLabel"));
    m_activityLabel->setWordWrap(true);
    m_activityLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rateColumn->addWidget(m_activityLabel);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);
    splitter->setSizes({300, 300, 200});
    layout->addWidget(splitter, 1);

    m_membraneTitle = addTitleRow(m_membranePlot, font());
    m_membranePlot->installEventFilter(this);
    m_membranePlot->xAxis->setLabel(tr("time step"));
    m_membranePlot->yAxis->setLabel(tr("membrane"));
    // The legend in a column right of the axes: ten traces listed below would take the plot's height.
    QFont small = font();
    small.setPointSizeF(std::max(6.5, font().pointSizeF() - 2));
    m_membranePlot->legend->setFont(small);
    m_membranePlot->legend->setRowSpacing(-2);
    m_membranePlot->legend->setBorderPen(Qt::NoPen);
    m_membranePlot->axisRect()->insetLayout()->take(m_membranePlot->legend);
    m_membranePlot->legend->setVisible(false);

    addTitleRow(m_ratePlot, font())->setText(tr("Firing rate per layer"));
    m_ratePlot->yAxis->setLabel(tr("firing rate"));
    m_ratePlot->setToolTip(tr("Spikes per neuron per time step of every spiking layer"));
    m_membranePlot->setToolTip(
        tr("The chosen neurons' membrane over the time steps against the layer's "
           "threshold (dashed); on the output layer, the thick line is the true class"));
    m_imageBars = new QCPBars(m_ratePlot->xAxis, m_ratePlot->yAxis);
    m_imageBars->setName(tr("this image"));
    m_imageBars->setPen(QPen(QColor(0x8e, 0x44, 0xad)));
    m_imageBars->setBrush(QColor(0x8e, 0x44, 0xad, 150));
    m_testBars = new QCPBars(m_ratePlot->xAxis, m_ratePlot->yAxis);
    m_testBars->setName(tr("test set"));
    m_testBars->setPen(QPen(QColor(0x6b, 0x70, 0x7a)));
    m_testBars->setBrush(QColor(0x6b, 0x70, 0x7a, 150));
    auto *group = new QCPBarsGroup(m_ratePlot);
    m_imageBars->setBarsGroup(group);
    m_testBars->setBarsGroup(group);
    m_imageBars->setWidth(0.35);
    m_testBars->setWidth(0.35);
    m_ratePlot->legend->setVisible(true);
    m_ratePlot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_ratePlot->legend->setFont(small);

    connect(m_index, &QSpinBox::valueChanged, this, &SpikesView::setImageIndex);
    connect(m_membraneLayer, &QComboBox::currentIndexChanged, this, [this] {
        const int layer = m_membraneLayer->currentIndex();
        const int neurons
            = layer >= 0 && layer < m_result.layers.size() ? m_result.layers.at(layer).neurons : 1;
        m_neuron->setRange(-1, std::max(0, neurons - 1));
        fillMembrane();
    });
    connect(m_neuron, &QSpinBox::valueChanged, this, &SpikesView::fillMembrane);
    connect(m_measureButton, &QPushButton::clicked, this, &SpikesView::measureActivity);
    connect(m_cancelButton, &QPushButton::clicked, this, &SpikesView::cancelMeasurement);
    connect(&m_probeWatcher, &QFutureWatcher<ProbeOutcome>::finished, this, &SpikesView::probeDone);
    connect(&m_measureWatcher, &QFutureWatcher<ActivityOutcome>::finished, this, &SpikesView::measureDone);
    connect(
        &m_measureWatcher, &QFutureWatcher<ActivityOutcome>::progressValueChanged, this, [this](int value) {
            m_progress->setMaximum(m_measureWatcher.progressMaximum());
            m_progress->setValue(value);
        });
    updateButtons();
}

SpikesView::~SpikesView()
{
    // The workers hold their own copies (the source is shared); they may finish after this view.
    m_probeWatcher.disconnect(this);
    m_measureWatcher.disconnect(this);
    m_measureWatcher.cancel();
    // QCustomPlot deletes its legend with the layout that holds it: give a hidden one back.
    QCPLayoutGrid *grid = m_membranePlot->plotLayout();
    if (!(grid->columnCount() > 1 && grid->hasElement(1, 1) && grid->element(1, 1) == m_membranePlot->legend))
        grid->addElement(1, 1, m_membranePlot->legend);
}

void SpikesView::setDatabasePath(const QString &path)
{
    if (path == m_dbPath)
        return;
    m_dbPath = path;
    m_source.reset();
    m_shownRunId = -1;
    if (m_runId >= 0 && isVisible())
        startProbe();
}

void SpikesView::setDataDirectory(const QString &dir) { m_dataDir = dir; }

void SpikesView::setRun(qint64 runId)
{
    if (runId != m_runId)
        m_wantedIndex = m_index->value();
    m_runId = runId;
    if (isVisible())
        startProbe();
}

void SpikesView::setImageIndex(int index)
{
    m_wantedIndex = std::max(0, index);
    if (m_index->value() != m_wantedIndex) {
        const QSignalBlocker block(m_index);
        m_index->setMaximum(std::max(m_index->maximum(), m_wantedIndex));
        m_index->setValue(m_wantedIndex);
    }
    if (isVisible())
        startProbe();
}

bool SpikesView::isBusy() const { return m_probing || m_measureWatcher.isRunning(); }

bool SpikesView::eventFilter(QObject *watched, QEvent *event)
{
    // Titles wrap to the plot's width: wrap them again when a plot is resized.
    if (event->type() == QEvent::Resize) {
        if (watched == m_membranePlot) {
            placeMembraneLegend();
            rewrapTitle(m_membraneTitle);
        } else {
            for (const Raster &raster : std::as_const(m_rasters)) {
                if (watched == raster.plot)
                    rewrapTitle(raster.title);
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SpikesView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    startProbe();
}

void SpikesView::startProbe()
{
    if (m_runId < 0 || (m_runId == m_shownRunId && m_wantedIndex == m_shownIndex))
        return;
    if (isBusy())
        return; // probeDone() / measureDone() start the newest request
    m_shownRunId = m_runId;
    m_shownIndex = m_wantedIndex;
    std::shared_ptr<SpikesSource> source = m_source && m_source->runId() == m_runId ? m_source : nullptr;
    if (!source)
        m_status->setText(tr("Loading run %1 and its test images…").arg(m_runId));
    m_probing = true;
    updateButtons();
    const QString dbPath = m_dbPath;
    const QString dataDir = m_dataDir;
    const qint64 runId = m_runId;
    const int index = m_wantedIndex;
    m_probeWatcher.setFuture(QtConcurrent::run([source, dbPath, dataDir, runId, index]() {
        ProbeOutcome outcome;
        outcome.source = source;
        if (!outcome.source) {
            auto opened = SpikesSource::open(dbPath, runId, dataDir);
            if (!opened) {
                outcome.result.runId = runId;
                outcome.result.error = opened.error();
                return outcome;
            }
            outcome.source = *opened;
        }
        outcome.result = outcome.source->probe(index);
        return outcome;
    }));
}

void SpikesView::probeDone()
{
    const ProbeOutcome outcome = m_probeWatcher.result();
    m_probing = false;
    if (outcome.source)
        m_source = outcome.source;
    if (outcome.result.runId == m_runId)
        showResult(outcome.result);
    updateButtons();
    startProbe(); // the run or the image asked for meanwhile, if any
}

void SpikesView::showResult(const SpikesResult &result)
{
    const bool layersChanged
        = result.layers.size() != m_result.layers.size() || result.runId != m_result.runId;
    m_result = result;
    m_shownRunId = result.runId;
    m_shownIndex = result.index;
    if (result.runId != m_activityRunId) {
        m_activity = ActivityReport();
        m_activityLabel->clear();
    }
    if (!result.error.isEmpty()) {
        m_result.layers.clear();
        m_status->setText(result.error == notSpikingMessage(result.runId)
                ? tr("Run %1 is not a spiking network: it has no spikes to show.").arg(result.runId)
                : tr("Cannot show the spikes of run %1: %2").arg(result.runId).arg(result.error));
    } else {
        int spikes = 0;
        for (const SpikingLayerActivity &layer : result.layers) {
            for (float s : layer.spikes)
                spikes += s > 0.5f ? 1 : 0;
        }
        m_status->setText(tr("Run %1, test image %2 of %3: %n spike(s) in %4 time steps.", "", spikes)
                              .arg(result.runId)
                              .arg(result.index)
                              .arg(result.testCount)
                              .arg(result.layers.isEmpty() ? 0 : result.layers.first().steps));
    }
    {
        const QSignalBlocker block(m_index);
        m_index->setRange(0, std::max(0, result.testCount - 1));
        m_index->setValue(result.index);
    }
    m_thumbnail->setPixmap(result.image.isNull()
            ? QPixmap()
            : QPixmap::fromImage(result.image.scaled(
                kThumbnailSize - 4, kThumbnailSize - 4, Qt::KeepAspectRatio, Qt::FastTransformation)));
    m_classLabel->setText(result.className.isEmpty() ? QString() : tr("class: %1").arg(result.className));
    if (layersChanged)
        fillMembraneLayers();
    fillRasters();
    fillMembrane();
    fillRates();
    updateButtons();
    Q_EMIT resultShown(result.runId);
}

void SpikesView::fillMembraneLayers()
{
    const QSignalBlocker block(m_membraneLayer);
    m_membraneLayer->clear();
    for (const SpikingLayerActivity &layer : std::as_const(m_result.layers))
        m_membraneLayer->addItem(layer.name);
    // The output layer by default: its neurons are the classes.
    m_membraneLayer->setCurrentIndex(m_membraneLayer->count() - 1);
    const int neurons = m_result.layers.isEmpty() ? 1 : m_result.layers.last().neurons;
    const QSignalBlocker blockNeuron(m_neuron);
    m_neuron->setRange(-1, std::max(0, neurons - 1));
    m_neuron->setValue(-1);
}

SpikesView::Raster SpikesView::addRaster()
{
    Raster raster;
    raster.box = plotBox(&raster.plot, tr("spike-raster"), this);
    raster.box->setMinimumHeight(170);
    raster.title = addTitleRow(raster.plot, font());
    raster.plot->installEventFilter(this);
    raster.plot->xAxis->setLabel(tr("time step"));
    raster.plot->yAxis->setLabel(tr("neuron"));
    QCPGraph *dots = raster.plot->addGraph();
    dots->setLineStyle(QCPGraph::lsNone);
    const QColor color(0x8e, 0x44, 0xad);
    dots->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, color, color, 3));
    m_rasterLayout->insertWidget(m_rasterLayout->count() - 1, raster.box);
    return raster;
}

void SpikesView::fillRasters()
{
    while (m_rasters.size() > m_result.layers.size()) {
        Raster raster = m_rasters.takeLast();
        delete raster.box; // owns the plot and its items
    }
    while (m_rasters.size() < m_result.layers.size())
        m_rasters.append(addRaster());
    for (int i = 0; i < m_rasters.size(); ++i) {
        const SpikingLayerActivity &layer = m_result.layers.at(i);
        const Raster &raster = m_rasters.at(i);
        const int shown = std::min(layer.neurons, kMaxRasterNeurons);
        QVector<double> steps;
        QVector<double> neurons;
        int total = 0;
        for (int t = 0; t < layer.steps; ++t) {
            for (int n = 0; n < layer.neurons; ++n) {
                if (layer.spikes.value(t * layer.neurons + n) <= 0.5f)
                    continue;
                ++total;
                if (n < shown) {
                    steps.append(t);
                    neurons.append(n);
                }
            }
        }
        raster.plot->graph(0)->setData(steps, neurons, true);
        raster.plot->xAxis->setRange(-0.5, std::max(1, layer.steps) - 0.5);
        raster.plot->yAxis->setRange(-0.5, std::max(1, shown) - 0.5);
        const QString title = shown < layer.neurons
            ? tr("%1: the first %2 of %3 neurons, %n spike(s) in all", "", total)
                  .arg(layer.name)
                  .arg(shown)
                  .arg(layer.neurons)
            : tr("%1: %2 neurons, %n spike(s)", "", total).arg(layer.name).arg(layer.neurons);
        setWrappedTitle(raster.title, title);
        raster.plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void SpikesView::fillMembrane()
{
    m_membranePlot->clearGraphs();
    const int index = m_membraneLayer->currentIndex();
    if (index < 0 || index >= m_result.layers.size()) {
        setWrappedTitle(m_membraneTitle, tr("Membrane"));
        placeMembraneLegend();
        m_membranePlot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    const SpikingLayerActivity &layer = m_result.layers.at(index);
    const bool output = index == m_result.layers.size() - 1 && layer.neurons == m_result.classNames.size();
    QList<int> chosen;
    if (m_neuron->value() >= 0)
        chosen.append(std::min(m_neuron->value(), layer.neurons - 1));
    else
        for (int n = 0; n < std::min(layer.neurons, kMaxMembraneTraces); ++n)
            chosen.append(n);
    QVector<double> steps(layer.steps);
    for (int t = 0; t < layer.steps; ++t)
        steps[t] = t;
    double lo = layer.threshold, hi = layer.threshold;
    for (int n : std::as_const(chosen)) {
        QVector<double> values(layer.steps);
        for (int t = 0; t < layer.steps; ++t) {
            values[t] = layer.membrane.value(t * layer.neurons + n);
            lo = std::min(lo, values[t]);
            hi = std::max(hi, values[t]);
        }
        QCPGraph *graph = m_membranePlot->addGraph();
        graph->setData(steps, values, true);
        const QColor color = chosen.size() == 1 ? QColor(0x8e, 0x44, 0xad) : traceColor(n);
        graph->setPen(QPen(color, n == m_result.label && output ? 2.5 : 1.2));
        graph->setName(output ? QStringLiteral("%1 %2").arg(n).arg(m_result.classNames.value(n))
                              : tr("neuron %1").arg(n));
    }
    QCPGraph *threshold = m_membranePlot->addGraph();
    threshold->setObjectName(QStringLiteral("threshold"));
    threshold->setData({0.0, double(std::max(1, layer.steps - 1))}, {layer.threshold, layer.threshold}, true);
    threshold->setPen(QPen(palette().color(QPalette::Text), 1.2, Qt::DashLine));
    threshold->setName(tr("threshold θ = %1").arg(QLocale().toString(layer.threshold)));
    const double margin = std::max(0.05, (hi - lo) * 0.05);
    m_membranePlot->xAxis->setRange(0, std::max(1, layer.steps - 1));
    m_membranePlot->yAxis->setRange(lo - margin, hi + margin);
    setWrappedTitle(m_membraneTitle,
        chosen.size() == 1 ? tr("Membrane of %1, neuron %2").arg(layer.name).arg(chosen.first())
            : output       ? tr("Membrane of %1").arg(layer.name)
                     : tr("Membrane of %1, the first %n neuron(s)", "", int(chosen.size())).arg(layer.name));
    placeMembraneLegend();
    m_membranePlot->replot(QCustomPlot::rpQueuedReplot);
}

void SpikesView::placeMembraneLegend()
{
    // A column right of the axes when the plot is wide enough for it; in a narrow dock the traces
    // need the width more (the tooltip and the title say what they are).
    QCPLayoutGrid *grid = m_membranePlot->plotLayout();
    QCPLegend *legend = m_membranePlot->legend;
    const bool show = m_membranePlot->graphCount() > 0 && m_membranePlot->width() >= 400;
    const bool placed = grid->columnCount() > 1 && grid->hasElement(1, 1) && grid->element(1, 1) == legend;
    if (show && !placed) {
        grid->addElement(1, 1, legend);
        grid->setColumnStretchFactor(1, 0.001);
    } else if (!show && placed) {
        grid->take(legend);
        grid->simplify();
    }
    legend->setVisible(show);
    if (show != placed)
        m_membranePlot->replot(QCustomPlot::rpQueuedReplot);
}

void SpikesView::fillRates()
{
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    QVector<double> keys;
    const QVector<double> rates = imageRates();
    for (int i = 0; i < m_result.layers.size(); ++i) {
        keys.append(i);
        ticker->addTick(i, m_result.layers.at(i).name);
    }
    m_ratePlot->xAxis->setTicker(ticker);
    m_imageBars->setData(keys, rates, true);
    QVector<double> testRates;
    QVector<double> testKeys;
    double top = 0.0;
    for (double r : rates)
        top = std::max(top, r);
    if (m_activityRunId == m_result.runId) {
        for (int i = 0; i < m_activity.layers.size(); ++i) {
            testKeys.append(i);
            testRates.append(m_activity.layers.at(i).firingRate);
            top = std::max(top, m_activity.layers.at(i).firingRate);
        }
    }
    m_testBars->setData(testKeys, testRates, true);
    m_testBars->setVisible(!testKeys.isEmpty());
    m_testBars->removeFromLegend();
    if (!testKeys.isEmpty())
        m_testBars->addToLegend();
    m_ratePlot->legend->setVisible(!testKeys.isEmpty()); // one series needs no legend
    m_ratePlot->xAxis->setRange(-0.6, std::max(1, int(m_result.layers.size())) - 0.4);
    m_ratePlot->yAxis->setRange(0, top > 0 ? top * 1.6 : 1.0); // room for the legend above the bars
    m_ratePlot->replot(QCustomPlot::rpQueuedReplot);
}

QVector<double> SpikesView::imageRates() const
{
    QVector<double> rates;
    for (const SpikingLayerActivity &layer : m_result.layers)
        rates.append(firingRate(layer));
    return rates;
}

int SpikesView::rasterDots(int i) const
{
    if (i < 0 || i >= m_rasters.size())
        return 0;
    return m_rasters.at(i).plot->graph(0)->dataCount();
}

int SpikesView::rasterNeuronsShown(int i) const
{
    return i >= 0 && i < m_result.layers.size() ? std::min(m_result.layers.at(i).neurons, kMaxRasterNeurons)
                                                : 0;
}

double SpikesView::thresholdLineValue() const
{
    for (int i = 0; i < m_membranePlot->graphCount(); ++i) {
        QCPGraph *graph = m_membranePlot->graph(i);
        if (graph->objectName() == QLatin1String("threshold") && graph->dataCount() > 0)
            return graph->data()->begin()->value;
    }
    return std::numeric_limits<double>::quiet_NaN();
}

void SpikesView::measureActivity()
{
    if (!m_source || m_source->runId() != m_runId || isBusy())
        return;
    m_activityRunId = -1;
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancelButton->show();
    m_activityLabel->setText(tr("Measuring the activity on %n test image(s)…", "", m_source->testCount()));
    const std::shared_ptr<SpikesSource> source = m_source;
    m_measureWatcher.setFuture(QtConcurrent::run([source](QPromise<ActivityOutcome> &promise) {
        const ActivityOutcome outcome = source->measure([&promise](int done, int total) {
            promise.setProgressRange(0, total);
            promise.setProgressValue(done);
            return !promise.isCanceled();
        });
        promise.addResult(outcome);
    }));
    updateButtons();
}

void SpikesView::cancelMeasurement()
{
    if (m_measureWatcher.isRunning())
        m_measureWatcher.cancel();
}

void SpikesView::measureDone()
{
    m_progress->hide();
    m_cancelButton->hide();
    if (m_measureWatcher.isCanceled() || m_measureWatcher.future().resultCount() == 0) {
        m_activityLabel->setText(tr("Measuring the activity was cancelled."));
    } else {
        const ActivityOutcome outcome = m_measureWatcher.result();
        if (outcome.cancelled) {
            m_activityLabel->setText(tr("Measuring the activity was cancelled."));
        } else if (!outcome.error.isEmpty()) {
            m_activityLabel->setText(tr("Cannot measure the activity: %1").arg(outcome.error));
        } else if (outcome.runId == m_runId) {
            m_activity = outcome.report;
            m_activityRunId = outcome.runId;
            const QLocale locale;
            QStringList lines;
            lines << tr("Test set, %n image(s) of %1 time steps:", "", m_activity.samples)
                         .arg(m_activity.steps);
            for (const ActivityReport::Layer &layer : std::as_const(m_activity.layers))
                lines << tr("%1: %2 spikes per image, rate %3")
                             .arg(layer.name, locale.toString(layer.spikesPerImage, 'f', 1),
                                 locale.toString(layer.firingRate, 'f', 4));
            lines << tr("Synaptic operations per image: %1 (MACs of the spike-fed layers without spikes: %2; "
                        "the whole network without spikes: %3)")
                         .arg(locale.toString(m_activity.synapticOpsPerImage, 'g', 4),
                             locale.toString(m_activity.spikeDrivenMacs, 'g', 4),
                             locale.toString(m_activity.annMacsPerImage, 'g', 4));
            m_activityLabel->setText(lines.join(QLatin1Char('\n')));
            fillRates();
            Q_EMIT activityMeasured(outcome.runId);
        }
    }
    updateButtons();
    startProbe();
}

void SpikesView::updateButtons()
{
    const bool loaded
        = m_source && m_source->runId() == m_runId && m_result.error.isEmpty() && !m_result.layers.isEmpty();
    m_measureButton->setEnabled(loaded && !isBusy());
    m_index->setEnabled(m_runId >= 0);
}

QString SpikesView::statusText() const { return m_status->text(); }

QString SpikesView::activityText() const { return m_activityLabel->text(); }

} // namespace qb
