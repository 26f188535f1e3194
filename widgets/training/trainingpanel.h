#pragma once

#include "spec/experimentspec.h"
#include "spec/trainspec.h"
#include "store/runrecord.h"
#include "train/trainobserver.h"

#include <QElapsedTimer>
#include <QString>
#include <QWidget>

class QAction;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace qb {

class NetworkDocument;
class TrainingController;

/// The training settings (dataset, epochs, optimizer, ..., repeats), the run buttons (Train,
/// Pause/Resume, Stop, Train baseline twin) and the progress of the running job. Starts training
/// itself through the TrainingController and follows the controller's signals, whoever started the
/// job. Train is disabled, with the reason in the status line, while the document's network is not
/// valid. Train, Stop and Train baseline twin are QActions (trainAction(), ...) that the buttons
/// mirror, so a toolbar can show the same actions with the same enabled state: updateState() is the
/// one place that decides whether training can start. Lives in the GUI thread.
class TrainingPanel : public QWidget
{
    Q_OBJECT
public:
    TrainingPanel(NetworkDocument *document, TrainingController *controller, QWidget *parent = nullptr);
    ~TrainingPanel() override;

    /// The settings as edited (fields without a widget keep the value last set with setTrainSpec()).
    TrainSpec trainSpec() const;
    void setTrainSpec(const TrainSpec &spec);
    /// Takes the training settings a network was published with (NetworkSpec::trainingDefaults,
    /// a partial TrainSpec object) over the current ones, as quantbench-cli does for --preset.
    /// Settings without a control here (normalization, momentum) follow the network: its own value
    /// or the default (also when `defaults` is empty or invalid). True when settings were taken.
    bool applyNetworkDefaults(const QJsonObject &defaults);
    QString datasetName() const;
    /// Selects a known dataset, or adds a CSV file path (or any other name) to the list and selects it.
    void setDatasetName(const QString &name);
    int repeats() const;
    void setRepeats(int repeats);
    /// The document's network with the settings and dataset above.
    ExperimentSpec experimentSpec() const;
    /// The same with withoutQuantization(network): the float baseline twin.
    ExperimentSpec baselineExperimentSpec() const;

    /// The history database runs are recorded in; empty = ExperimentStore::defaultPath().
    QString databasePath() const { return m_dbPath; }
    void setDatabasePath(const QString &path);
    /// A folder holding the dataset's files; empty (default: AppSettings::dataDirectory()) = the
    /// locator's search order.
    QString dataDirectory() const { return m_dataDir; }
    void setDataDirectory(const QString &dir);

    /// Start a run, stop it, start the baseline twin: enabled exactly when the buttons are.
    QAction *trainAction() const { return m_trainAction; }
    QAction *stopAction() const { return m_stopAction; }
    QAction *baselineAction() const { return m_baselineAction; }
    /// Why training cannot start (the network's first validation issue, or a dataset that was not
    /// found at the last try); empty when nothing is in the way.
    QString problem() const { return m_problem; }

public Q_SLOTS:
    /// Starts training the document's network (false when not possible; the status line says why).
    bool train();
    bool trainBaseline();

Q_SIGNALS:
    /// A training job was started from this panel.
    void trainingRequested();
    /// problem() changed (empty: the problem is gone).
    void problemChanged(const QString &problem);
    /// The running job's progress: `value` of `maximum` steps and the progress line
    /// ("Epoch 2/5 · batch 10/938 · … · ETA 1:05"); maximum 0 while it is starting.
    void progressChanged(int value, int maximum, const QString &text);

private:
    QWidget *createSettings();
    QWidget *createButtons();
    bool startTraining(const ExperimentSpec &spec);
    void chooseCsvFile();
    void openDataManager();
    void refreshDatasetTips();
    void updateState();
    void setProblem(const QString &problem);
    void clearDatasetProblem();
    void setProgress(int value, int maximum, const QString &text);
    void beginJob();
    void onRunStarted(qint64 runId, int index, int repeats);
    void onBatch(const BatchProgress &progress);
    void onRunFinished(qint64 runId, RunStatus status, const QString &message);
    void onAllFinished();
    QString formatDuration(double seconds) const;

    NetworkDocument *m_document;
    TrainingController *m_controller;
    TrainSpec m_base;
    QString m_dbPath;
    QString m_dataDir;

    QGroupBox *m_settings = nullptr;
    QComboBox *m_datasetCombo = nullptr;
    int m_datasetIndex = 0;
    QSpinBox *m_epochs = nullptr;
    QSpinBox *m_batchSize = nullptr;
    QComboBox *m_optimizer = nullptr;
    QDoubleSpinBox *m_learningRate = nullptr;
    QDoubleSpinBox *m_weightDecay = nullptr;
    QSpinBox *m_patience = nullptr;
    QSpinBox *m_seed = nullptr;
    QSpinBox *m_threads = nullptr;
    QSpinBox *m_repeats = nullptr;

    QAction *m_trainAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_baselineAction = nullptr;
    QPushButton *m_trainButton = nullptr;
    QPushButton *m_pauseButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QPushButton *m_baselineButton = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QLabel *m_progressLabel = nullptr;
    QLabel *m_statusLabel = nullptr;

    // The job being followed.
    QString m_idleStatus;
    QString m_problem;
    QString m_datasetProblem; ///< the dataset was not found at the last try
    QString m_runStatus;
    QString m_lastProgress; ///< the progress line without the time left
    bool m_wasRunning = false;
    int m_runIndex = 0;
    int m_runCount = 1;
    int m_runsFinished = 0;
    double m_lastTestAccuracy = -1.0;
    QElapsedTimer m_jobTimer;
    qint64 m_firstBatchDone = -1;
    qint64 m_pausedMs = 0;
    QElapsedTimer m_pauseTimer;
};

} // namespace qb
