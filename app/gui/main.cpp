#include "mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("quantbench"));
    QApplication::setOrganizationName(QStringLiteral("QuantBench"));
    qb::MainWindow window;
    window.show();
    return app.exec();
}
