#include "history/sweepchart.h"

#include "common/plotexport.h"
#include "common/qcp.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace qb {

namespace {

QString parameterLabel(const SweepRecord &sweep)
{
    if (sweep.parameter == QLatin1String("frac_bits"))
        return SweepChart::tr("Fraction bits");
    if (sweep.parameter == QLatin1String("word_bits"))
        return SweepChart::tr("Word bits");
    if (sweep.parameter.isEmpty())
        return SweepChart::tr("Value");
    return sweep.parameter;
}

bool hasSpread(const SweepRecord &sweep)
{
    return sweep.kind == QLatin1String("noise") || sweep.kind == QLatin1String("montecarlo");
}

} // namespace

SweepChart::SweepChart(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack, 1);

    m_message = new QLabel(this);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_stack->addWidget(m_message);

    auto *page = new QWidget(this);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Sweep:"), page));
    m_combo = new QComboBox(page);
    top->addWidget(m_combo, 1);
    m_plot = new QCustomPlot(page);
    top->addWidget(createExportButton(m_plot, this, QStringLiteral("sweep")));
    pageLayout->addLayout(top);
    m_plot->setMinimumSize(320, 220);
    pageLayout->addWidget(m_plot, 1);
    m_stack->addWidget(page);

    m_plot->yAxis->setLabel(tr("Test accuracy (%)"));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(
        0, 0, new QCPTextElement(m_plot, QString(), QFont(font().family(), -1, QFont::Bold)));
    m_graph = m_plot->addGraph();
    m_graph->setPen(QPen(QColor(31, 119, 180), 2));
    m_graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QColor(31, 119, 180), Qt::white, 7));
    m_errors = new QCPErrorBars(m_plot->xAxis, m_plot->yAxis);
    m_errors->setDataPlottable(m_graph);
    m_errors->setPen(QPen(QColor(31, 119, 180), 1.2));
    m_errors->setWhiskerWidth(8);

    connect(m_combo, &QComboBox::currentIndexChanged, this, &SweepChart::showSweep);
    showMessage(tr("(select a run to see its sweeps)"));
}

QString SweepChart::sweepTitle(const SweepRecord &sweep)
{
    const QString when = sweep.created.isValid()
        ? sweep.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
        : QString();
    const QString parameter = sweep.parameter.isEmpty() ? QString() : QStringLiteral(": ") + sweep.parameter;
    return tr("%1%2 (%n point(s), %3)", "", int(sweep.points.size())).arg(sweep.kind, parameter, when);
}

void SweepChart::setSweeps(const QList<SweepRecord> &sweeps, const QString &runLabel)
{
    m_sweeps = sweeps;
    m_runLabel = runLabel;
    if (sweeps.isEmpty()) {
        showMessage(tr("(this run has no sweeps)"));
        return;
    }
    {
        const QSignalBlocker blocker(m_combo);
        m_combo->clear();
        for (const SweepRecord &sweep : sweeps)
            m_combo->addItem(sweepTitle(sweep));
        m_combo->setCurrentIndex(int(sweeps.size()) - 1); // the newest
    }
    m_combo->setEnabled(sweeps.size() > 1);
    m_stack->setCurrentIndex(1);
    showSweep(m_combo->currentIndex());
}

void SweepChart::showMessage(const QString &text)
{
    m_sweeps.clear();
    {
        const QSignalBlocker blocker(m_combo);
        m_combo->clear();
    }
    m_graph->data()->clear();
    m_errors->data()->clear();
    m_message->setText(text);
    m_stack->setCurrentIndex(0);
}

int SweepChart::currentSweep() const { return m_sweeps.isEmpty() ? -1 : m_combo->currentIndex(); }

void SweepChart::setCurrentSweep(int index) { m_combo->setCurrentIndex(index); }

int SweepChart::pointCount() const { return m_graph->dataCount(); }

int SweepChart::errorBarCount() const { return m_errors->dataCount(); }

QString SweepChart::message() const { return m_stack->currentIndex() == 0 ? m_message->text() : QString(); }

void SweepChart::showSweep(int index)
{
    if (index < 0 || index >= m_sweeps.size())
        return;
    const SweepRecord &sweep = m_sweeps.at(index);
    QVector<double> x, y, errors;
    for (const SweepPoint &p : sweep.points) {
        x.append(p.value);
        y.append(p.accuracyMean * 100.0);
        errors.append(p.accuracyStd * 100.0);
    }
    m_graph->setData(x, y);
    m_graph->setName(sweep.kind);
    if (hasSpread(sweep))
        m_errors->setData(errors);
    else
        m_errors->data()->clear();
    m_errors->setVisible(hasSpread(sweep));

    if (auto *title = qobject_cast<QCPTextElement *>(m_plot->plotLayout()->element(0, 0))) {
        const QString kind = sweep.kind == QLatin1String("ptq") ? tr("Post-training quantization")
            : sweep.kind == QLatin1String("noise") ? tr("Robustness to nonidealities (mean ± std over chips)")
            : sweep.kind == QLatin1String("montecarlo") ? tr("Monte-Carlo evaluation (mean ± std over chips)")
                                                        : sweep.kind;
        title->setText(m_runLabel.isEmpty() ? kind : tr("%1 — %2").arg(kind, m_runLabel));
    }
    m_plot->xAxis->setLabel(parameterLabel(sweep));
    m_plot->rescaleAxes();
    const QCPRange xr = m_plot->xAxis->range();
    const double xpad = std::max(0.5, xr.size() * 0.05);
    m_plot->xAxis->setRange(xr.lower - xpad, xr.upper + xpad);
    double lo = 100, hi = 0;
    for (int i = 0; i < y.size(); ++i) {
        const double e = hasSpread(sweep) ? errors.at(i) : 0.0;
        lo = std::min(lo, y.at(i) - e);
        hi = std::max(hi, y.at(i) + e);
    }
    if (!y.isEmpty()) {
        const double pad = std::max(2.0, (hi - lo) * 0.1);
        m_plot->yAxis->setRange(std::max(0.0, lo - pad), std::min(100.0, hi + pad));
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace qb
