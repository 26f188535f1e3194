#include "training/trainingpanel.h"

#include "common/appsettings.h"
#include "data/datasetlocator.h"
#include "document/networkdocument.h"
#include "spec/networktransforms.h"
#include "training/datamanagerdialog.h"
#include "training/trainingcontroller.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace qb {

namespace {

/// Item data of the "CSV file…" entry of the dataset list.
const QString kCsvEntry = QStringLiteral("<csv>");

QSpinBox *spinBox(QWidget *parent, const char *name, int min, int max)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(QLatin1String(name));
    spin->setRange(min, max);
    spin->setAccelerated(true);
    return spin;
}

QDoubleSpinBox *doubleSpinBox(
    QWidget *parent, const char *name, double min, double max, int decimals, double step)
{
    auto *spin = new QDoubleSpinBox(parent);
    spin->setObjectName(QLatin1String(name));
    spin->setDecimals(decimals);
    spin->setRange(min, max);
    spin->setSingleStep(step);
    return spin;
}

bool hasQuantization(const NetworkSpec &network)
{
    return withoutQuantization(network).layers != network.layers;
}

} // namespace

TrainingPanel::TrainingPanel(NetworkDocument *document, TrainingController *controller, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("trainingPanel"));
    const AppSettings settings;
    m_dataDir = settings.dataDirectory();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createSettings());
    layout->addWidget(createButtons());

    m_progressBar = new QProgressBar(this);
    m_progressBar->setObjectName(QStringLiteral("progressBar"));
    m_progressBar->setRange(0, 1);
    m_progressBar->setValue(0);
    layout->addWidget(m_progressBar);
    m_progressLabel = new QLabel(this);
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    m_progressLabel->setWordWrap(true); // a narrow dock wraps the line instead of clipping it
    layout->addWidget(m_progressLabel);
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_statusLabel);
    layout->addStretch(1);

    TrainSpec initial;
    initial.threads = settings.threads();
    setTrainSpec(initial);
    setDatasetName(settings.dataset());
    m_idleStatus = tr("Ready to train.");

    connect(m_document, &NetworkDocument::networkChanged, this, &TrainingPanel::updateState);
    connect(m_document, &NetworkDocument::networkReset, this, &TrainingPanel::updateState);
    connect(m_controller, &TrainingController::stateChanged, this, &TrainingPanel::updateState);
    connect(m_controller, &TrainingController::loadingDataset, this, [this](const QString &name) {
        m_runStatus = tr("Loading dataset %1…").arg(name);
        updateState();
    });
    connect(m_controller, &TrainingController::runStarted, this, &TrainingPanel::onRunStarted);
    connect(m_controller, &TrainingController::batchProgress, this, &TrainingPanel::onBatch);
    connect(m_controller, &TrainingController::epochFinished, this,
        [this](qint64, const EpochMetrics &m) { m_lastTestAccuracy = m.testAccuracy; });
    connect(m_controller, &TrainingController::runFinished, this, &TrainingPanel::onRunFinished);
    connect(m_controller, &TrainingController::allFinished, this, &TrainingPanel::onAllFinished);
    updateState();
}

TrainingPanel::~TrainingPanel() = default;

QWidget *TrainingPanel::createSettings()
{
    m_settings = new QGroupBox(tr("Training settings"), this);
    auto *form = new QFormLayout(m_settings);

    auto *datasetRow = new QHBoxLayout;
    m_datasetCombo = new QComboBox(m_settings);
    m_datasetCombo->setObjectName(QStringLiteral("datasetCombo"));
    for (const QString &name : DatasetLocator::knownDatasets())
        m_datasetCombo->addItem(name, name);
    m_datasetCombo->addItem(tr("CSV file…"), kCsvEntry);
    connect(m_datasetCombo, &QComboBox::activated, this, [this](int index) {
        clearDatasetProblem();
        if (m_datasetCombo->itemData(index).toString() == kCsvEntry)
            chooseCsvFile();
        else
            m_datasetIndex = index;
    });
    datasetRow->addWidget(m_datasetCombo, 1);
    auto *dataButton = new QPushButton(tr("Data…"), m_settings);
    dataButton->setObjectName(QStringLiteral("dataButton"));
    dataButton->setToolTip(tr("See where the datasets are; download or import them"));
    connect(dataButton, &QPushButton::clicked, this, &TrainingPanel::openDataManager);
    datasetRow->addWidget(dataButton);
    form->addRow(tr("Dataset:"), datasetRow);

    m_epochs = spinBox(m_settings, "epochsSpin", 1, 10000);
    form->addRow(tr("Epochs:"), m_epochs);
    m_batchSize = spinBox(m_settings, "batchSizeSpin", 1, 65536);
    form->addRow(tr("Batch size:"), m_batchSize);
    m_optimizer = new QComboBox(m_settings);
    m_optimizer->setObjectName(QStringLiteral("optimizerCombo"));
    m_optimizer->addItem(tr("Adam"), int(OptimizerKind::Adam));
    m_optimizer->addItem(tr("SGD (momentum)"), int(OptimizerKind::Sgd));
    form->addRow(tr("Optimizer:"), m_optimizer);
    m_learningRate = doubleSpinBox(m_settings, "learningRateSpin", 1e-6, 10.0, 6, 1e-4);
    form->addRow(tr("Learning rate:"), m_learningRate);
    m_weightDecay = doubleSpinBox(m_settings, "weightDecaySpin", 0.0, 1.0, 6, 1e-4);
    form->addRow(tr("Weight decay:"), m_weightDecay);
    m_patience = spinBox(m_settings, "patienceSpin", 0, 1000);
    m_patience->setSpecialValueText(tr("Off"));
    m_patience->setToolTip(tr("Stop when the test loss has not improved for this many epochs (0 = off)"));
    form->addRow(tr("Early stopping patience:"), m_patience);
    m_seed = spinBox(m_settings, "seedSpin", 0, std::numeric_limits<int>::max());
    form->addRow(tr("Seed:"), m_seed);
    m_threads = spinBox(m_settings, "threadsSpin", 0, 256);
    m_threads->setSpecialValueText(tr("All cores"));
    form->addRow(tr("Threads:"), m_threads);
    m_repeats = spinBox(m_settings, "repeatsSpin", 1, 100);
    m_repeats->setToolTip(tr("Train several times with seeds seed, seed+1, …; the runs form one group"));
    form->addRow(tr("Repeats:"), m_repeats);
    return m_settings;
}

QWidget *TrainingPanel::createButtons()
{
    // The actions decide (updateState()); the buttons, like any toolbar showing the actions, follow.
    m_trainAction = new QAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("Train"), this);
    m_trainAction->setObjectName(QStringLiteral("trainAction"));
    m_stopAction = new QAction(style()->standardIcon(QStyle::SP_MediaStop), tr("Stop"), this);
    m_stopAction->setObjectName(QStringLiteral("stopAction"));
    m_stopAction->setToolTip(tr("Stop after the current batch; the run is kept in the history as cancelled"));
    m_baselineAction = new QAction(tr("Train baseline twin"), this);
    m_baselineAction->setObjectName(QStringLiteral("baselineAction"));
    connect(m_trainAction, &QAction::triggered, this, &TrainingPanel::train);
    connect(m_baselineAction, &QAction::triggered, this, &TrainingPanel::trainBaseline);
    connect(m_stopAction, &QAction::triggered, m_controller, &TrainingController::stop);

    // Two rows, so "Train baseline twin" is never cut off in a narrow dock.
    auto *row = new QWidget(this);
    auto *layout = new QGridLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_trainButton = new QPushButton(tr("Train"), row);
    m_trainButton->setObjectName(QStringLiteral("trainButton"));
    m_trainButton->setDefault(true);
    m_pauseButton = new QPushButton(tr("Pause"), row);
    m_pauseButton->setObjectName(QStringLiteral("pauseButton"));
    m_stopButton = new QPushButton(tr("Stop"), row);
    m_stopButton->setObjectName(QStringLiteral("stopButton"));
    m_baselineButton = new QPushButton(tr("Train baseline twin"), row);
    m_baselineButton->setObjectName(QStringLiteral("baselineButton"));
    layout->addWidget(m_trainButton, 0, 0);
    layout->addWidget(m_pauseButton, 0, 1);
    layout->addWidget(m_stopButton, 0, 2);
    layout->addWidget(m_baselineButton, 1, 0, 1, 3);
    layout->setColumnStretch(3, 1);

    const QList<std::pair<QPushButton *, QAction *>> mirrored{
        {m_trainButton, m_trainAction}, {m_stopButton, m_stopAction}, {m_baselineButton, m_baselineAction}};
    for (const auto &[button, action] : mirrored) {
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        connect(action, &QAction::enabledChanged, button, &QPushButton::setEnabled);
        connect(action, &QAction::changed, button,
            [button = button, action = action] { button->setToolTip(action->toolTip()); });
    }
    connect(m_pauseButton, &QPushButton::clicked, this, [this] {
        if (m_controller->isPaused())
            m_controller->resume();
        else
            m_controller->pause();
    });
    return row;
}

TrainSpec TrainingPanel::trainSpec() const
{
    TrainSpec spec = m_base;
    spec.epochs = m_epochs->value();
    spec.batchSize = m_batchSize->value();
    spec.optimizer = OptimizerKind(m_optimizer->currentData().toInt());
    spec.learningRate = m_learningRate->value();
    spec.weightDecay = m_weightDecay->value();
    spec.earlyStoppingPatience = m_patience->value();
    spec.seed = m_seed->value();
    spec.threads = m_threads->value();
    return spec;
}

void TrainingPanel::setTrainSpec(const TrainSpec &spec)
{
    m_base = spec;
    m_epochs->setValue(spec.epochs);
    m_batchSize->setValue(spec.batchSize);
    m_optimizer->setCurrentIndex(m_optimizer->findData(int(spec.optimizer)));
    m_learningRate->setValue(spec.learningRate);
    m_weightDecay->setValue(spec.weightDecay);
    m_patience->setValue(spec.earlyStoppingPatience);
    m_seed->setValue(int(std::clamp<qint64>(spec.seed, 0, std::numeric_limits<int>::max())));
    m_threads->setValue(spec.threads);
}

bool TrainingPanel::applyNetworkDefaults(const QJsonObject &defaults)
{
    TrainSpec current = trainSpec();
    const TrainSpec plain;
    current.normalization = plain.normalization;
    current.momentum = plain.momentum;
    QJsonObject json = current.toJson();
    for (auto it = defaults.begin(); it != defaults.end(); ++it)
        json.insert(it.key(), it.value());
    const Result<TrainSpec> merged = TrainSpec::fromJson(json);
    setTrainSpec(merged ? *merged : current);
    return merged && !defaults.isEmpty();
}

QString TrainingPanel::datasetName() const { return m_datasetCombo->itemData(m_datasetIndex).toString(); }

void TrainingPanel::setDatasetName(const QString &name)
{
    int index = m_datasetCombo->findData(name);
    if (index < 0) {
        index = m_datasetCombo->count() - 1; // before "CSV file…"
        const QString text = DatasetLocator::isCsvName(name) ? QFileInfo(name).fileName() : name;
        m_datasetCombo->insertItem(index, text, name);
        m_datasetCombo->setItemData(index, name, Qt::ToolTipRole);
    }
    m_datasetCombo->setCurrentIndex(index);
    m_datasetIndex = index;
    clearDatasetProblem();
    refreshDatasetTips();
}

int TrainingPanel::repeats() const { return m_repeats->value(); }

void TrainingPanel::setRepeats(int repeats) { m_repeats->setValue(repeats); }

ExperimentSpec TrainingPanel::experimentSpec() const
{
    ExperimentSpec spec;
    spec.network = m_document->network();
    spec.name = spec.network.name.isEmpty() ? m_document->displayName() : spec.network.name;
    spec.dataset = datasetName();
    spec.train = trainSpec();
    return spec;
}

ExperimentSpec TrainingPanel::baselineExperimentSpec() const
{
    ExperimentSpec spec = experimentSpec();
    spec.network = withoutQuantization(spec.network);
    spec.name = spec.network.name;
    return spec;
}

void TrainingPanel::setDatabasePath(const QString &path) { m_dbPath = path; }

void TrainingPanel::setDataDirectory(const QString &dir)
{
    m_dataDir = dir;
    refreshDatasetTips();
}

bool TrainingPanel::train() { return startTraining(experimentSpec()); }

bool TrainingPanel::trainBaseline() { return startTraining(baselineExperimentSpec()); }

bool TrainingPanel::startTraining(const ExperimentSpec &spec)
{
    if (m_controller->isRunning() || !m_document->validation().ok()) {
        updateState();
        return false;
    }
    if (!DatasetLocator::isCsvName(spec.dataset)) {
        // Cheap check (no reading) so a missing dataset says where to get it before anything starts.
        auto found = DatasetLocator::locate(spec.dataset, m_dataDir);
        if (!found) {
            m_idleStatus = tr("%1\nUse \"Data…\" to download or import it.").arg(found.error());
            m_datasetProblem = m_idleStatus;
            updateState();
            return false;
        }
    }
    m_datasetProblem.clear();
    TrainingRequest request;
    request.spec = spec;
    request.repeats = m_repeats->value();
    request.dbPath = m_dbPath;
    request.dataDir = m_dataDir;

    m_runStatus = tr("Starting…");
    if (!m_controller->start(request))
        return false;

    AppSettings settings;
    settings.setDataset(spec.dataset);
    settings.setThreads(spec.train.threads);
    Q_EMIT trainingRequested();
    return true;
}

void TrainingPanel::chooseCsvFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a CSV table"), QString(), tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty()) {
        m_datasetCombo->setCurrentIndex(m_datasetIndex);
        return;
    }
    setDatasetName(path);
}

void TrainingPanel::openDataManager()
{
    DataManagerDialog dialog(this);
    if (DatasetLocator::knownDatasets().contains(datasetName()))
        dialog.selectDataset(datasetName());
    dialog.exec();
    refreshDatasetTips();
}

void TrainingPanel::refreshDatasetTips()
{
    for (const QString &name : DatasetLocator::knownDatasets()) {
        const int index = m_datasetCombo->findData(name);
        if (index >= 0)
            m_datasetCombo->setItemData(index, DataManagerDialog::statusText(name), Qt::ToolTipRole);
    }
}

void TrainingPanel::updateState()
{
    const bool running = m_controller->isRunning();
    const bool paused = m_controller->isPaused();
    if (running && !m_wasRunning)
        beginJob(); // whoever started it
    m_wasRunning = running;
    const ValidationReport &report = m_document->validation();
    const bool valid = report.ok();

    const QString invalid = valid
        ? QString()
        : tr("Fix the network first: %1").arg(report.issues.first().toString(m_document->network()));
    setProblem(!valid ? invalid : m_datasetProblem);

    m_settings->setEnabled(!running);
    m_trainAction->setEnabled(valid && !running);
    m_trainAction->setToolTip(!valid ? invalid
            : running                ? tr("A run is training")
                                     : tr("Train the network with these settings"));
    const bool quantized = valid && hasQuantization(m_document->network());
    m_baselineAction->setEnabled(quantized && !running);
    m_baselineAction->setToolTip(quantized
            ? tr("Train the same network without quantizers and nonidealities, for comparison")
            : tr("The network has no quantizers or nonidealities: it is its own baseline"));
    m_pauseButton->setEnabled(running);
    m_pauseButton->setText(paused ? tr("Resume") : tr("Pause"));
    m_stopAction->setEnabled(running);

    if (paused && !m_pauseTimer.isValid())
        m_pauseTimer.start();
    else if (!paused && m_pauseTimer.isValid()) {
        m_pausedMs += m_pauseTimer.elapsed();
        m_pauseTimer.invalidate();
    }

    QString status;
    if (running)
        status = paused ? tr("Paused.") : m_runStatus;
    else if (!valid)
        status = invalid;
    else
        status = m_idleStatus;
    m_statusLabel->setText(status);
}

void TrainingPanel::clearDatasetProblem()
{
    if (m_datasetProblem.isEmpty())
        return;
    m_datasetProblem.clear();
    updateState();
}

void TrainingPanel::setProblem(const QString &problem)
{
    if (problem == m_problem)
        return;
    m_problem = problem;
    Q_EMIT problemChanged(problem);
}

void TrainingPanel::setProgress(int value, int maximum, const QString &text)
{
    m_progressBar->setRange(0, maximum);
    m_progressBar->setValue(value);
    m_progressLabel->setText(text);
    Q_EMIT progressChanged(value, maximum, text);
}

void TrainingPanel::beginJob()
{
    m_runIndex = 0;
    m_runCount = qMax(1, m_controller->request().repeats);
    m_runsFinished = 0;
    m_lastTestAccuracy = -1.0;
    m_firstBatchDone = -1;
    m_pausedMs = 0;
    m_pauseTimer.invalidate();
    setProgress(0, 1, QString());
    if (m_runStatus.isEmpty() || m_runStatus == m_idleStatus)
        m_runStatus = tr("Starting…");
}

void TrainingPanel::onRunStarted(qint64 runId, int index, int repeats)
{
    m_runIndex = index;
    m_runCount = repeats;
    m_lastTestAccuracy = -1.0;
    m_runStatus = repeats > 1 ? tr("Training run %1 (seed %2 of %3)…").arg(runId).arg(index + 1).arg(repeats)
                              : tr("Training run %1…").arg(runId);
    updateState();
}

QString TrainingPanel::formatDuration(double seconds) const
{
    const qint64 s = qint64(seconds + 0.5);
    const QLatin1Char zero('0');
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg((s / 60) % 60, 2, 10, zero)
            .arg(s % 60, 2, 10, zero);
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, zero);
}

void TrainingPanel::onBatch(const BatchProgress &p)
{
    if (p.batches <= 0 || p.epochs <= 0)
        return;
    const qint64 perRun = qint64(p.epochs) * p.batches;
    const qint64 total = perRun * qMax(1, m_runCount);
    const qint64 done = m_runIndex * perRun + qint64(p.epoch - 1) * p.batches + p.batch;
    // QProgressBar takes ints: scale when the job is huge.
    const int scale = int(total / std::numeric_limits<int>::max()) + 1;

    QString eta = tr("–");
    if (m_firstBatchDone < 0) {
        m_firstBatchDone = done;
        m_jobTimer.start();
        m_pausedMs = 0;
    } else {
        const double seconds = (m_jobTimer.elapsed() - m_pausedMs) / 1000.0;
        const qint64 batchesSince = done - m_firstBatchDone;
        if (seconds > 0.5 && batchesSince > 0)
            eta = formatDuration(double(total - done) * seconds / double(batchesSince));
    }
    const QLocale locale;
    QString text = tr("Epoch %1/%2 · batch %3/%4 · %5 samples/s")
                       .arg(p.epoch)
                       .arg(p.epochs)
                       .arg(locale.toString(p.batch), locale.toString(p.batches),
                           locale.toString(qRound64(p.samplesPerSecond)));
    if (m_runCount > 1)
        text = tr("Run %1/%2 · %3").arg(m_runIndex + 1).arg(m_runCount).arg(text);
    // Kept without the time left, which means nothing once the job has ended.
    m_lastProgress = text;
    setProgress(int(done / scale), int(total / scale), tr("%1 · ETA %2").arg(text, eta));
}

void TrainingPanel::onRunFinished(qint64 runId, RunStatus status, const QString &message)
{
    ++m_runsFinished;
    const QLocale locale;
    switch (status) {
    case RunStatus::Finished:
        m_idleStatus = m_lastTestAccuracy >= 0 ? tr("Run %1 finished: test accuracy %2 %.")
                                                     .arg(runId)
                                                     .arg(locale.toString(m_lastTestAccuracy * 100.0, 'f', 2))
                                               : tr("Run %1 finished.").arg(runId);
        break;
    case RunStatus::Cancelled:
        m_idleStatus = tr("Run %1 stopped; it is kept in the history as cancelled.").arg(runId);
        break;
    default:
        m_idleStatus = runId >= 0 ? tr("Run %1 failed: %2").arg(runId).arg(message)
                                  : tr("Training failed: %1").arg(message);
        break;
    }
    m_runStatus = m_idleStatus;
    updateState();
}

void TrainingPanel::onAllFinished()
{
    if (m_runsFinished == 0)
        m_idleStatus = tr("Stopped before training began.");
    else if (m_runCount > 1 && m_runsFinished > 1)
        m_idleStatus = tr("%n run(s) done. Last: %1", nullptr, m_runsFinished).arg(m_idleStatus);
    setProgress(m_progressBar->value(), m_progressBar->maximum(), m_lastProgress);
    updateState();
}

} // namespace qb
