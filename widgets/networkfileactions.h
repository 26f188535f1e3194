#pragma once

#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace qb {

class NetworkDocument;

/// The File menu's network handling: new, open, open recent, presets, save, save as, and the
/// "save changes?" question before the network is replaced or the window closes.
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

private:
    void rebuildRecentMenu();

    NetworkDocument *m_document;
    QWidget *m_window;
    QMenu *m_recentMenu = nullptr;
};

} // namespace qb
