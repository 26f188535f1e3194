#include "analysis/runheader.h"

namespace qb {

RunHeader::RunHeader(const RunRecord &run, QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("runHeader"));
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setText(describe(run));
}

QString RunHeader::describe(const RunRecord &run)
{
    QStringList parts{tr("<b>Run %1</b>").arg(run.id)};
    if (!run.name.isEmpty())
        parts << run.name.toHtmlEscaped();
    if (!run.networkName.isEmpty() || !run.dataset.isEmpty())
        parts << tr("%1 on %2").arg(run.networkName.toHtmlEscaped(), run.dataset.toHtmlEscaped());
    if (run.finalTestAccuracy >= 0.0)
        parts << tr("test accuracy %1 %").arg(run.finalTestAccuracy * 100.0, 0, 'f', 1);
    return parts.join(QStringLiteral(" · "));
}

} // namespace qb
