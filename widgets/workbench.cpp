#include "workbench.h"

#include "common/appsettings.h"
#include "common/wheelguard.h"
#include "document/networkdocument.h"
#include "help/helpactions.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "spec/presetlibrary.h"
#include "store/experimentstore.h"
#include "training/trainingcontroller.h"
#include "training/trainingpanel.h"
#include "training/trainingrequest.h"

#include <QApplication>
#include <QMessageBox>
#include <QTimer>

namespace qb {

Workbench::Workbench(const WorkbenchOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_document(new NetworkDocument(this))
    , m_controller(new TrainingController(this))
    , m_languages(new LanguageManager(this))
{
    registerTrainingMetaTypes();
    AppSettings settings;
    m_dbPath = !options.dbPath.isEmpty()    ? options.dbPath
        : !settings.historyPath().isEmpty() ? settings.historyPath()
                                            : ExperimentStore::defaultPath();
    m_languages->apply(options.language.isEmpty() ? settings.language() : options.language);
    // The wheel changes a field's value only while the field has focus, everywhere in the app.
    WheelGuard::install(this);
    openInitialNetwork();
}

Workbench::~Workbench()
{
    // The window's widgets refer to the document and the controller: it goes first.
    m_window.reset();
}

QString Workbench::language() const { return m_languages->current(); }

void Workbench::show()
{
    buildWindow();
    if (m_options.autoTrain)
        QTimer::singleShot(0, m_window.get(), &MainWindow::startTraining);
    else if (m_options.autoTrainTwin)
        QTimer::singleShot(0, m_window.get(), [window = m_window.get()] { window->trainingPanel()->trainBaseline(); });
    // Once per installation, in interactive starts only (never offscreen: tests and CI).
    m_window->helpActions()->startTourIfFirstRun(m_options.scripted || m_options.autoTrain || m_options.autoTrainTwin);
}

bool Workbench::setLanguage(const QString &code)
{
    // The window is rebuilt in the new language, so not while it trains, runs a job (an analysis, a
    // grid, an export) or shows a modal dialog: those belong to the window and would be destroyed
    // under their own feet (a dialog's exec() returning into a deleted window).
    if (m_controller->isRunning() || QApplication::activeModalWidget()
        || (m_window && m_window->hasBackgroundJob()))
        return false;
    AppSettings().setLanguage(code);
    m_languages->apply(code);
    buildWindow();
    return true;
}

void Workbench::openInitialNetwork()
{
    if (!m_options.networkFile.isEmpty()) {
        const Status loaded = m_document->load(m_options.networkFile);
        if (loaded)
            return;
        // Shown once the window exists; the preset is opened instead.
        QTimer::singleShot(0, this, [this, message = loaded.error()] {
            QMessageBox::warning(m_window.get(), tr("Open network"), message);
        });
    }
    const QString preset = m_options.preset.isEmpty() ? QStringLiteral("larq-mnist-bnn") : m_options.preset;
    Result<NetworkSpec> network = PresetLibrary::load(preset);
    if (!network)
        network = PresetLibrary::load(QStringLiteral("larq-mnist-bnn"));
    if (network)
        m_document->reset(*network);
}

void Workbench::buildWindow()
{
    std::unique_ptr<MainWindow> old = std::move(m_window);
    m_window = std::make_unique<MainWindow>(this, old.get());
    if (old)
        old->hide();
    m_window->show();
    if (old)
        Q_EMIT windowRebuilt(m_window.get());
    // The old window may be inside one of its own slots (the language menu): delete it later.
    if (old)
        old.release()->deleteLater();
}

} // namespace qb
