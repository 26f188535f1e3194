#pragma once

#include "history/confusionresult.h"
#include "util/result.h"

#include <QColor>
#include <QFont>
#include <QImage>
#include <QString>

namespace qb {

/// The confusion matrix of a run as files: a CSV table of the counts and a PNG picture of the
/// shaded matrix as the Run details view shows it. Errors name the file.
class ConfusionExport
{
public:
    /// The shade of a cell: white to blue on the diagonal (right answers), white to red elsewhere,
    /// by the cell's share of its row (its true class). Shared by the view and the picture.
    static QColor cellColor(bool diagonal, double share);

    /// RFC 4180 CSV, UTF-8: a header row "true \ predicted" followed by the class names, then one
    /// row per true class: its name and the counts per predicted class. Ends with a line break.
    static QString csv(const ConfusionResult &result);
    static Status exportCsv(const ConfusionResult &result, const QString &path);

    /// The matrix drawn on white: the title (run, dataset, accuracy), the class names along both
    /// axes (predicted across the top, true down the left) and the shaded cells with their counts.
    /// Drawn at `scale` times the font's size, for print-sharp pictures.
    static QImage render(const ConfusionResult &result, const QFont &font, qreal scale = 2.0);
    static Status exportPng(const ConfusionResult &result, const QString &path, const QFont &font);

    /// exportCsv() or exportPng() by the file's suffix (".csv", ".png").
    static Status exportFile(const ConfusionResult &result, const QString &path, const QFont &font);
};

} // namespace qb
