#pragma once

#include "common/qcp.h"

#include <QString>

namespace qb {

/// A legend entry that shows a graph's line and marker with a text of its own instead of the
/// graph's name. CurvePlot's one legend lists each run once (its accuracy graph stands for the
/// run's train or test curves in both plots, which share pens), so the entry reads "Run 3: test"
/// while the graph keeps its full name ("Run 3: test accuracy") for export and tests.
/// Still a QCPPlottableLegendItem, so QCPAbstractPlottable::removeFromLegend() finds it.
class CurveLegendItem : public QCPPlottableLegendItem
{
public:
    CurveLegendItem(QCPLegend *legend, QCPAbstractPlottable *plottable, const QString &text);

    QString text() const { return m_text; }
    void setText(const QString &text);

protected:
    void draw(QCPPainter *painter) override;
    QSize minimumOuterSizeHint() const override;

private:
    QString m_text;
};

} // namespace qb
