#pragma once

#include <QMainWindow>

namespace qb {

/// The workbench window. For now a placeholder that lists the presets and their validation state;
/// the editor, training panel, plots and history arrive with the GUI issue.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace qb
