#pragma once

#include "grid/gridresults.h"
#include "store/runrecord.h"

#include <QHash>
#include <QList>
#include <QWidget>

#include <functional>

class QCPAbstractPlottable;
class QCPErrorBars;
class QCPGraph;
class QCPTextElement;
class QComboBox;
class QCustomPlot;
class QLabel;
class QStackedWidget;

namespace qb {

class PointToolTip;

/// Comparison ▸ Grids: a grid of the history (chosen in a combo, newest first) as mean final test
/// accuracy over seeds against its first varied field's values, with error bars of ± the std over
/// seeds. Numbers give a numeric axis (logarithmic when they span a factor 100 or more, as
/// learning rates do), anything else categorical ticks; a second varied field (and any further
/// ones) makes separate series, named in a legend below the data. Hover a point for its figures;
/// Export… saves the plot. GUI thread only; ComparisonView feeds it the grids and their results.
class GridChart : public QWidget
{
    Q_OBJECT
public:
    explicit GridChart(QWidget *parent = nullptr);

    /// The grids to choose from (newest first), keeping the chosen one when it is still there.
    void setGrids(const QList<GridRecord> &grids);
    /// Draws a grid's results (what ComparisonView gives for the chosen grid).
    void setResults(const GridResults &results);
    void showMessage(const QString &text);

    qint64 currentGridId() const;
    void setCurrentGridId(qint64 gridId);

    QCustomPlot *plot() const { return m_plot; }
    QComboBox *gridCombo() const { return m_combo; }
    int seriesCount() const { return int(m_graphs.size()); }
    QStringList seriesNames() const;
    int pointCount() const;
    int errorBarCount() const;
    bool isLogAxis() const;
    bool isCategorical() const { return m_categorical; }
    QString title() const;
    QString message() const;
    QString toolTipAt(const QPointF &pixel) const;

Q_SIGNALS:
    /// The user chose another grid (load its results and call setResults()).
    void gridChosen(qint64 gridId);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    using Describe = std::function<QString(int)>;
    /// The one place that adds series (a graph and its error bars) and removes them.
    void addSeries(const QString &name, int index, const QVector<double> &x, const QVector<double> &mean,
        const QVector<double> &std, const QStringList &tips);
    void clearSeries();

    QStackedWidget *m_stack = nullptr;
    QLabel *m_message = nullptr;
    QComboBox *m_combo = nullptr;
    QCustomPlot *m_plot = nullptr;
    QCPTextElement *m_title = nullptr;
    PointToolTip *m_tip = nullptr;
    QList<QCPGraph *> m_graphs;
    QList<QCPErrorBars *> m_errors;
    QHash<QCPAbstractPlottable *, Describe> m_describe;
    bool m_categorical = false;
};

} // namespace qb
