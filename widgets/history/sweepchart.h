#pragma once

#include "store/runrecord.h"

#include <QHash>
#include <QList>
#include <QStringList>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QCPAbstractItem;
class QCPAbstractPlottable;
class QCPErrorBars;
class QCPGraph;
class QCPTextElement;
class QLabel;
class QStackedWidget;

namespace qb {

class PointToolTip;

/// The sweeps of one selected run, as the comparison hands them to the chart.
struct RunSweeps
{
    qint64 runId = -1;
    QString label; ///< "#3 my-bnn"
    qint64 groupId = -1; ///< RunRecord::groupId
    QList<SweepRecord> sweeps; ///< oldest first
};

/// The sweeps of the selected runs, compared on one plot. A combo box offers the kinds of sweep found
/// among the runs ("noise: weight_noise.sigma", "ptq: frac_bits", "Monte-Carlo"); for the chosen one
/// every run that has it contributes its newest sweep of that kind:
/// - a value sweep (noise, ptq) is a line of mean accuracy against the swept value, one colour per
///   run, with error bars of ± the std over the simulated chips (and, with "Chips" checked, every
///   chip's accuracy as a faint point beside the mean); a ptq sweep adds the run's float
///   accuracy as a dashed line. With "Group means" checked, runs of one group (repeats with other
///   seeds) are drawn as one line: the mean over the group's runs, error bars ± the std over them.
/// - a Monte-Carlo evaluation shows every chip's accuracy as a jittered point over a box plot
///   (quartiles, whiskers to min and max) per run, the mean as a diamond with ± std error bars.
/// The axes span the data; a subtitle gives the chips and test images; hovering a point shows its
/// exact values. A line of text replaces the plot when no selected run has a sweep.
class SweepChart : public QWidget
{
    Q_OBJECT

public:
    explicit SweepChart(QWidget *parent = nullptr);

    /// The selected runs and their sweeps. Keeps the chosen kind of sweep when it is still there,
    /// otherwise shows the kind of the newest sweep.
    void setRuns(const QList<RunSweeps> &runs);
    /// Shows only a message (no run selected, or the sweeps could not be read).
    void showMessage(const QString &text);

    /// The kinds of sweep offered, as the combo box lists them.
    QStringList kinds() const;
    int currentKind() const;
    void setCurrentKind(int index);
    /// Whether runs of one group are drawn as their mean (when the check box is enabled).
    void setGroupMeans(bool on);
    /// Whether a noise sweep shows every chip's accuracy beside the means (off at first).
    void setShowChips(bool on);

    /// The lines (value sweeps) or columns (Monte-Carlo) drawn: one per run or group mean.
    int seriesCount() const { return int(m_main.size()); }
    QStringList seriesNames() const;
    /// Points of the lines (value sweeps), or mean markers (Monte-Carlo).
    int pointCount() const;
    /// Points that carry an error bar (0 for a ptq sweep).
    int errorBarCount() const;
    /// One point per simulated chip, all runs together (Monte-Carlo, or a noise sweep with chips shown).
    int chipPointCount() const;
    /// The float accuracies (percent) drawn as reference lines on a ptq sweep.
    QVector<double> floatLineValues() const;
    /// The line under the title: chips, test images.
    QString subtitle() const;
    QString title() const;
    /// The text shown instead of the plot, or empty while the plot shows.
    QString message() const;
    /// The hover text at a pixel of the plot (empty where there is no point).
    QString toolTipAt(const QPointF &pixel) const;

    QComboBox *kindCombo() const { return m_combo; }
    QCheckBox *groupMeansCheck() const { return m_groupMeans; }
    QCheckBox *showChipsCheck() const { return m_showChips; }
    QCustomPlot *plot() const { return m_plot; }
    QList<QCPGraph *> seriesGraphs() const { return m_main; }

    /// "ptq: frac_bits", "noise: weight_noise.sigma", "Monte-Carlo": how the combo lists a kind.
    static QString kindTitle(const SweepRecord &sweep);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    using Describe = std::function<QString(int dataIndex)>;
    struct Entry; // a run or a group mean, ready to draw

    void rebuild();
    QList<Entry> entriesOf(const QString &kindKey, bool groupMeans) const;
    void drawValueSweeps(const QList<Entry> &entries, const SweepRecord &example);
    void drawMonteCarlo(const QList<Entry> &entries);
    /// Wraps the title and the legend to the chart's width.
    void updateLegendWrap();

    // The one place that adds and removes what a series draws: every plottable and item made for a
    // series goes through track(), and clearSeries() takes them out of the legend before deleting.
    QCPGraph *addSeriesGraph(const QString &name, bool inLegend, Describe describe);
    QCPErrorBars *addErrorBars(QCPGraph *on, const QVector<double> &errors, const QColor &color);
    void track(QCPAbstractPlottable *plottable, Describe describe = {});
    void track(QCPAbstractItem *item);
    void clearSeries();

    QList<RunSweeps> m_runs;
    QStringList m_kindKeys;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_message = nullptr;
    QComboBox *m_combo = nullptr;
    QCheckBox *m_groupMeans = nullptr;
    QCheckBox *m_showChips = nullptr;
    QCustomPlot *m_plot = nullptr;
    QCPTextElement *m_title = nullptr;
    QCPTextElement *m_subtitle = nullptr;
    PointToolTip *m_tip = nullptr;

    QList<QCPAbstractPlottable *> m_plottables;
    QList<QCPAbstractItem *> m_items;
    QHash<QCPAbstractPlottable *, Describe> m_describe;
    QList<QCPGraph *> m_main;
    QList<QCPErrorBars *> m_errors;
    QList<QCPGraph *> m_chips;
    QVector<double> m_floatLines;
};

} // namespace qb
