#pragma once

#include "util/result.h"

#include <QString>

class QCustomPlot;
class QPushButton;
class QWidget;

namespace qb {

/// Saves a plot as PNG, PDF or SVG, chosen by the file's suffix (".png", ".pdf", ".svg").
/// Errors name the file.
Status exportPlot(QCustomPlot *plot, const QString &path);

/// Asks for a file name (PNG, PDF or SVG) and exports; shows a message box on failure.
void exportPlotInteractively(QCustomPlot *plot, QWidget *parent, const QString &suggestedName);

/// An "Export…" button (object name "exportButton") that exports `plot` interactively.
QPushButton *createExportButton(QCustomPlot *plot, QWidget *parent, const QString &suggestedName);

/// Lays out `owner` as a chart: a QCustomPlot filling it and a row with the Export… button below.
/// Returns the plot.
QCustomPlot *createExportablePlot(QWidget *owner, const QString &suggestedName);

} // namespace qb
