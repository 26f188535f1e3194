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

QCPTextElement *addTitleRow(QCustomPlot *plot, QFont font)
{
    plot->plotLayout()->insertRow(0);
    font.setBold(true);
    auto *title = new QCPTextElement(plot, QString(), font);
    plot->plotLayout()->addElement(0, 0, title);
    return title;
}

void moveLegendBelow(QCustomPlot *plot)
{
    QCPLayoutGrid *grid = plot->plotLayout();
    const int row = grid->rowCount();
    plot->legend->setVisible(true);
    plot->axisRect()->insetLayout()->take(plot->legend);
    grid->addElement(row, 0, plot->legend);
    grid->setRowStretchFactor(row, 0.001);
    grid->setRowSpacing(2);
    plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot->legend->setBorderPen(Qt::NoPen);
}

} // namespace qb
