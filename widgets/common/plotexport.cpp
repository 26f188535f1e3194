#include "common/plotexport.h"

#include "common/qcp.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QMessageBox>
#include <QPushButton>
#include <QSvgGenerator>
#include <QVBoxLayout>

namespace qb {

namespace {

bool saveSvg(QCustomPlot *plot, const QString &path)
{
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(plot->size());
    generator.setViewBox(QRect(QPoint(0, 0), plot->size()));
    generator.setTitle(plot->windowTitle());
    QCPPainter painter;
    if (!painter.begin(&generator))
        return false;
    plot->toPainter(&painter, plot->width(), plot->height());
    return painter.end();
}

} // namespace

Status exportPlot(QCustomPlot *plot, const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool ok = false;
    if (suffix == QLatin1String("png"))
        ok = plot->savePng(path, plot->width(), plot->height(), 2.0);
    else if (suffix == QLatin1String("pdf"))
        ok = plot->savePdf(path, plot->width(), plot->height());
    else if (suffix == QLatin1String("svg"))
        ok = saveSvg(plot, path);
    else
        return Status::failure(QCoreApplication::translate(
            "qb::PlotExport", "%1: unknown plot format '%2' (use .png, .pdf or .svg)")
                                   .arg(path, suffix));
    if (!ok || !QFileInfo(path).exists() || QFileInfo(path).size() == 0)
        return Status::failure(
            QCoreApplication::translate("qb::PlotExport", "%1: could not write the plot").arg(path));
    return Status();
}

void exportPlotInteractively(QCustomPlot *plot, QWidget *parent, const QString &suggestedName)
{
    QString selected;
    const QString path = QFileDialog::getSaveFileName(parent,
        QCoreApplication::translate("qb::PlotExport", "Export plot"), suggestedName + QStringLiteral(".png"),
        QCoreApplication::translate(
            "qb::PlotExport", "PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)"),
        &selected);
    if (path.isEmpty())
        return;
    QString target = path;
    if (QFileInfo(target).suffix().isEmpty()) {
        if (selected.contains(QLatin1String("*.pdf")))
            target += QStringLiteral(".pdf");
        else if (selected.contains(QLatin1String("*.svg")))
            target += QStringLiteral(".svg");
        else
            target += QStringLiteral(".png");
    }
    const Status status = exportPlot(plot, target);
    if (!status)
        QMessageBox::warning(
            parent, QCoreApplication::translate("qb::PlotExport", "Export plot"), status.error());
}

QPushButton *createExportButton(QCustomPlot *plot, QWidget *parent, const QString &suggestedName)
{
    auto *button = new QPushButton(QCoreApplication::translate("qb::PlotExport", "Export…"), parent);
    button->setObjectName(QStringLiteral("exportButton"));
    button->setToolTip(QCoreApplication::translate(
        "qb::PlotExport", "Save this plot as a PNG image, a PDF document or an SVG drawing."));
    QObject::connect(button, &QPushButton::clicked, parent,
        [plot, parent, suggestedName] { exportPlotInteractively(plot, parent, suggestedName); });
    return button;
}

QCustomPlot *createExportablePlot(QWidget *owner, const QString &suggestedName)
{
    auto *layout = new QVBoxLayout(owner);
    auto *plot = new QCustomPlot(owner);
    plot->setMinimumSize(320, 220);
    layout->addWidget(plot, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(createExportButton(plot, owner, suggestedName));
    layout->addLayout(buttons);
    return plot;
}

} // namespace qb
