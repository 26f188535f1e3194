#pragma once

#include "util/result.h"

#include <QString>

class QCustomPlot;
class QWidget;

namespace qb {

/// Saves a plot as PNG, PDF or SVG, chosen by the file's suffix (".png", ".pdf", ".svg").
/// Errors name the file.
Status exportPlot(QCustomPlot *plot, const QString &path);

/// Asks for a file name (PNG, PDF or SVG) and exports; shows a message box on failure.
void exportPlotInteractively(QCustomPlot *plot, QWidget *parent, const QString &suggestedName);

} // namespace qb
