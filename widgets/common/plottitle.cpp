#include "common/plottitle.h"

#include "common/qcp.h"

#include <QFontMetrics>
#include <QStringList>

namespace qb {

namespace {
const char *const kWholeText = "qbWholeTitle";
} // namespace

void setWrappedTitle(QCPTextElement *title, const QString &text)
{
    title->setProperty(kWholeText, text);
    rewrapTitle(title);
}

void rewrapTitle(QCPTextElement *title)
{
    const int width = title->parentPlot()->width() - 24;
    const QFontMetrics metrics(title->font());
    QStringList lines;
    for (const QString &word : wholeTitle(title).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!lines.isEmpty() && metrics.horizontalAdvance(lines.last() + QLatin1Char(' ') + word) <= width)
            lines.last() += QLatin1Char(' ') + word;
        else
            lines << word;
    }
    const QString wrapped = lines.join(QLatin1Char('\n'));
    if (title->text() != wrapped) {
        title->setText(wrapped);
        title->parentPlot()->replot(QCustomPlot::rpQueuedReplot);
    }
}

QString wholeTitle(const QCPTextElement *title) { return title->property(kWholeText).toString(); }

} // namespace qb
