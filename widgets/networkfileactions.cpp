#include "networkfileactions.h"

#include "common/appsettings.h"
#include "document/networkdocument.h"
#include "spec/experimentspec.h"
#include "spec/presetlibrary.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QMenu>
#include <QMessageBox>

namespace qb {

namespace {
QString networkFilter() { return QObject::tr("QuantBench networks (*.json);;All files (*)"); }
QString experimentFilter()
{
    return NetworkFileActions::tr("QuantBench experiments (*.json);;All files (*)");
}
} // namespace

NetworkFileActions::NetworkFileActions(NetworkDocument *document, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_window(window)
{
}

void NetworkFileActions::populate(QMenu *menu)
{
    menu->addAction(tr("&New network"), QKeySequence::New, this, &NetworkFileActions::newNetwork);
    menu->addAction(tr("&Open network…"), QKeySequence::Open, this, &NetworkFileActions::open);
    m_recentMenu = menu->addMenu(tr("Open &recent"));
    rebuildRecentMenu();
    QMenu *presets = menu->addMenu(tr("&Presets"));
    for (const QString &name : PresetLibrary::names()) {
        QAction *action = presets->addAction(name);
        connect(action, &QAction::triggered, this, [this, name] { openPreset(name); });
    }
    menu->addSeparator();
    menu->addAction(tr("&Save network"), QKeySequence::Save, this, &NetworkFileActions::save);
    menu->addAction(tr("Save network &as…"), QKeySequence::SaveAs, this, &NetworkFileActions::saveAs);
    menu->addSeparator();
    QAction *openExperiment
        = menu->addAction(tr("Open e&xperiment…"), this, &NetworkFileActions::openExperiment);
    openExperiment->setStatusTip(tr("Open a network together with its training settings and dataset"));
    QAction *saveExperiment
        = menu->addAction(tr("Save &experiment…"), this, &NetworkFileActions::saveExperiment);
    saveExperiment->setStatusTip(tr("Save the network with the training settings and dataset, as "
                                    "quantbench-cli train --experiment reads it"));
}

bool NetworkFileActions::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::question(m_window, tr("Unsaved changes"),
        tr("The network “%1” has unsaved changes. Save them first?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void NetworkFileActions::newNetwork()
{
    if (!maybeSave())
        return;
    // A minimal valid classifier to build on: flatten, then one dense layer with 10 outputs.
    NetworkSpec network;
    network.name = tr("untitled");
    LayerSpec flatten;
    flatten.type = LayerType::Flatten;
    flatten.name = QStringLiteral("flatten_1");
    LayerSpec dense;
    dense.type = LayerType::Dense;
    dense.name = QStringLiteral("dense_1");
    dense.units = 10;
    network.layers = {flatten, dense};
    m_document->reset(network);
}

void NetworkFileActions::open()
{
    if (!maybeSave())
        return;
    const QString path
        = QFileDialog::getOpenFileName(m_window, tr("Open network"), QString(), networkFilter());
    if (!path.isEmpty())
        openFile(path);
}

bool NetworkFileActions::openFile(const QString &path)
{
    const Status loaded = m_document->load(path);
    if (!loaded) {
        QMessageBox::warning(m_window, tr("Open network"), loaded.error());
        return false;
    }
    AppSettings().addRecentFile(m_document->filePath());
    rebuildRecentMenu();
    Q_EMIT networkOpened(m_document->network());
    return true;
}

void NetworkFileActions::openPreset(const QString &name)
{
    if (!maybeSave())
        return;
    const Result<NetworkSpec> network = PresetLibrary::load(name);
    if (!network) {
        QMessageBox::warning(m_window, tr("Open preset"), network.error());
        return;
    }
    m_document->reset(*network);
    Q_EMIT networkOpened(m_document->network());
}

bool NetworkFileActions::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    const Status saved = m_document->saveAs(m_document->filePath());
    if (!saved)
        QMessageBox::warning(m_window, tr("Save network"), saved.error());
    return saved.ok();
}

bool NetworkFileActions::saveAs()
{
    const QString suggested = m_document->displayName() + QStringLiteral(".json");
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save network as"), suggested, networkFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    const Status saved = m_document->saveAs(path);
    if (!saved) {
        QMessageBox::warning(m_window, tr("Save network"), saved.error());
        return false;
    }
    AppSettings().addRecentFile(m_document->filePath());
    rebuildRecentMenu();
    return true;
}

void NetworkFileActions::setExperimentHooks(
    std::function<ExperimentSpec()> current, std::function<void(const ExperimentSpec &)> apply)
{
    m_currentExperiment = std::move(current);
    m_applyExperiment = std::move(apply);
}

void NetworkFileActions::openExperiment()
{
    if (!maybeSave())
        return;
    const QString path
        = QFileDialog::getOpenFileName(m_window, tr("Open experiment"), QString(), experimentFilter());
    if (!path.isEmpty())
        openExperimentFile(path);
}

bool NetworkFileActions::openExperimentFile(const QString &path)
{
    const Result<ExperimentSpec> experiment = ExperimentSpec::fromFile(path);
    if (!experiment) {
        QMessageBox::warning(m_window, tr("Open experiment"), experiment.error());
        return false;
    }
    // The network is not tied to the experiment file: saving it asks for a network file name.
    m_document->reset(experiment->network);
    if (m_applyExperiment)
        m_applyExperiment(*experiment);
    return true;
}

bool NetworkFileActions::saveExperiment()
{
    const QString suggested = m_document->displayName() + QStringLiteral("-experiment.json");
    QString path
        = QFileDialog::getSaveFileName(m_window, tr("Save experiment"), suggested, experimentFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    return saveExperimentTo(path);
}

bool NetworkFileActions::saveExperimentTo(const QString &path)
{
    ExperimentSpec experiment;
    if (m_currentExperiment) {
        experiment = m_currentExperiment();
    } else {
        experiment.network = m_document->network();
        experiment.name = m_document->displayName();
    }
    const Status saved = experiment.saveToFile(path);
    if (!saved)
        QMessageBox::warning(m_window, tr("Save experiment"), saved.error());
    return saved.ok();
}

void NetworkFileActions::rebuildRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList files = AppSettings().recentFiles();
    for (const QString &file : files) {
        QAction *action = m_recentMenu->addAction(QFileInfo(file).fileName());
        action->setToolTip(file);
        connect(action, &QAction::triggered, this, [this, file] {
            if (maybeSave())
                openFile(file);
        });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

} // namespace qb
