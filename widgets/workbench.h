#pragma once

#include <QObject>
#include <QString>

#include <memory>

namespace qb {

class LanguageManager;
class MainWindow;
class NetworkDocument;
class TrainingController;

/// How the workbench starts (from quantbench's command line; all optional).
struct WorkbenchOptions
{
    QString preset; ///< open this preset (default: larq-mnist-bnn, when no file is given)
    QString networkFile; ///< open this network file instead
    QString dataset; ///< select this dataset (default: the last one used, else fashion-mnist)
    QString dataDir; ///< folder holding the dataset's files
    QString dbPath; ///< history database (default: the settings' path or the standard one)
    QString language; ///< "en" / "es"; empty: the setting, which defaults to the system locale
    int epochs = 0; ///< > 0: preset the epoch count
    bool autoTrain = false; ///< press Train once the window is up
    bool autoTrainTwin = false; ///< press Train baseline twin once the window is up
    /// A scripted start (--screenshot, --startup-time): never open the first-run tour. --train
    /// (autoTrain) counts as scripted too.
    bool scripted = false;
};

/// What outlives a main window: the edited network, the training controller (and its thread) and
/// the language. Switching the language builds a fresh MainWindow over the same state, so every
/// string is created anew in the new language; the old window's layout is carried over.
/// Lives in the GUI thread.
class Workbench : public QObject
{
    Q_OBJECT
public:
    explicit Workbench(const WorkbenchOptions &options, QObject *parent = nullptr);
    ~Workbench() override;

    NetworkDocument *document() const { return m_document; }
    TrainingController *controller() const { return m_controller; }
    const WorkbenchOptions &options() const { return m_options; }
    QString databasePath() const { return m_dbPath; }
    MainWindow *window() const { return m_window.get(); }
    QString language() const;

    /// Creates and shows the main window.
    void show();
    /// Applies the language ("" = system) and rebuilds the window in it; remembers the choice.
    /// Refused (false) while a run trains, a job of the window runs or a modal dialog is open.
    bool setLanguage(const QString &code);

Q_SIGNALS:
    /// A new main window replaced the old one (after a language switch).
    void windowRebuilt(qb::MainWindow *window);

private:
    void openInitialNetwork();
    void buildWindow();

    WorkbenchOptions m_options;
    QString m_dbPath;
    NetworkDocument *m_document;
    TrainingController *m_controller;
    LanguageManager *m_languages;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace qb
