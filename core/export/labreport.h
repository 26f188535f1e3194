#pragma once
// The lab report: a PDF a student hands in after a lab, made from a recorded run with Qt's own PDF
// writer (QPdfWriter, A4, through QPainter; no external tool). In order: the title block (run name
// and id, dates, dataset, final and best test accuracy), the network as a block diagram, the model
// summary table (type, output shape, parameters per bit width, memory, totals), the training
// curves and the epochs, the confusion matrix (or a line saying it was not available), every sweep
// with its error bars and points, and the settings (training, quantizers per layer, seed). Pages
// break between blocks and inside tables (the header repeats); each page has a footer.

#include "export/runarchive.h"
#include "util/result.h"

#include <QString>

namespace qb {

/// Writes the report of `archive` to `path` (a temporary file renamed into place: never a partial
/// PDF). Needs a QGuiApplication for its fonts (the "offscreen" platform will do); without one it
/// fails with a message saying so. Errors name the path.
Status writeLabReport(const RunArchive &archive, const QString &path);

} // namespace qb
