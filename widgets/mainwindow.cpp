#include "mainwindow.h"

#include <QLabel>

namespace qb {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("QuantBench"));
    auto *label = new QLabel(tr("QuantBench: use quantbench-cli to train networks; "
                                "the workbench views are under construction."), this);
    label->setAlignment(Qt::AlignCenter);
    setCentralWidget(label);
    resize(900, 600);
}

} // namespace qb
