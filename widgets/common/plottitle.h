#pragma once

#include <QString>

class QCPTextElement;
class QCustomPlot;
class QFont;

namespace qb {

/// Chart titles that wrap between words to the plot's width instead of being cut at both sides (a
/// QCPTextElement draws one centred line however narrow the dock). The whole text is kept on the
/// element, so a resize can wrap it again.
void setWrappedTitle(QCPTextElement *title, const QString &text);
/// Wraps the title again for the plot's present width (call from the chart's resizeEvent).
void rewrapTitle(QCPTextElement *title);
/// The title as set, unwrapped.
QString wholeTitle(const QCPTextElement *title);

/// A title row inserted above everything else in the plot's layout, in `font` made bold.
QCPTextElement *addTitleRow(QCustomPlot *plot, QFont font);
/// Moves the legend out of the axis rect into a row of its own below the last row, where it covers
/// no data: visible, filled column by column, without a border.
void moveLegendBelow(QCustomPlot *plot);

} // namespace qb
