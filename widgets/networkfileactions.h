#pragma once

#include "spec/networkspec.h"

#include <QObject>

#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace qb {

class NetworkDocument;
struct ExperimentSpec;

/// The File menu's network handling: new, open, open recent, presets, save, save as, and the
/// "save changes?" question before the network is replaced or the window closes. Also experiments
/// (network + training settings + dataset, the file `quantbench-cli train --experiment` reads):
/// their training part comes from and goes to the hooks set with setExperimentHooks().
class NetworkFileActions : public QObject
{
    Q_OBJECT
public:
    NetworkFileActions(NetworkDocument *document, QWidget *window);

    /// Fills `menu` with the actions (New, Open…, Open recent, Presets, Save, Save as…).
    void populate(QMenu *menu);
    /// Asks whether to save unsaved edits; false when the user cancels.
    bool maybeSave();

    void newNetwork();
    void open();
    bool openFile(const QString &path);
    void openPreset(const QString &name);
    bool save();
    bool saveAs();

    /// Where an experiment's training settings and dataset come from when saving (with the
    /// document's network: the training panel's experimentSpec()) and go to when opening.
    void setExperimentHooks(
        std::function<ExperimentSpec()> current, std::function<void(const ExperimentSpec &)> apply);
    void openExperiment();
    /// Puts the file's network into the document and hands the whole experiment to the apply hook.
    bool openExperimentFile(const QString &path);
    bool saveExperiment();
    bool saveExperimentTo(const QString &path);

Q_SIGNALS:
    /// A network file or preset was opened (not an experiment, which brings its own training
    /// settings): the training panel takes the network's own training settings, if it has some.
    void networkOpened(const qb::NetworkSpec &network);

private:
    void rebuildRecentMenu();

    NetworkDocument *m_document;
    QWidget *m_window;
    QMenu *m_recentMenu = nullptr;
    std::function<ExperimentSpec()> m_currentExperiment;
    std::function<void(const ExperimentSpec &)> m_applyExperiment;
};

} // namespace qb
