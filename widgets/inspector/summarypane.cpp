#include "inspector/summarypane.h"

#include "document/networkdocument.h"
#include "inspector/issuehighlight.h"
#include "model/modelsummary.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace qb {

namespace {

QTableWidgetItem *textItem(const QString &text, bool number)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QString count(qint64 n) { return QLocale().toString(n); }

QString kib(double v) { return QLocale().toString(v, 'f', 2); }

} // namespace

SummaryPane::SummaryPane(NetworkDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_timer(new QTimer(this))
    , m_stack(new QStackedWidget(this))
    , m_table(new QTableWidget(this))
    , m_totals(new QLabel(this))
    , m_error(new QLabel(this))
{
    m_table->setObjectName(QStringLiteral("summaryTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setAlternatingRowColors(true);
    m_totals->setObjectName(QStringLiteral("summaryTotals"));
    m_totals->setTextFormat(Qt::RichText);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setObjectName(QStringLiteral("summaryError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));

    auto *tablePage = new QWidget;
    auto *tableLayout = new QVBoxLayout(tablePage);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_table, 1);
    tableLayout->addWidget(m_totals);
    m_stack->addWidget(tablePage);
    m_stack->addWidget(m_error);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);

    m_timer->setSingleShot(true);
    m_timer->setInterval(0);
    connect(m_timer, &QTimer::timeout, this, &SummaryPane::recompute);
    connect(m_document, &NetworkDocument::networkChanged, m_timer, qOverload<>(&QTimer::start));
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row) {
        if (row < m_document->layerCount())
            Q_EMIT layerActivated(row);
    });
    recompute();
}

void SummaryPane::recompute()
{
    m_timer->stop();
    const Result<ModelSummary> summary = ModelSummary::compute(m_document->network());
    if (!summary) {
        m_error->setText(tr("The summary needs a valid network. Problems:\n%1").arg(summary.error()));
        m_totalsLines.clear();
        m_stack->setCurrentWidget(m_error);
        return;
    }
    m_error->clear();
    fillTable(*summary);
    fillTotals(*summary);
    m_stack->setCurrentIndex(0);
}

void SummaryPane::fillTable(const ModelSummary &summary)
{
    // Bit widths present anywhere become columns, as in Larq's table.
    QList<int> paramBits = summary.totalParams.keys();
    if (paramBits.isEmpty())
        paramBits << 32;
    const QList<int> macBits = summary.totalMacs.keys();

    struct Column
    {
        QString title;
        QString toolTip;
    };
    QList<Column> columns{
        {tr("Layer"), tr("The layer's name (an automatic one when it has none).")},
        {tr("Type"), tr("The kind of layer.")},
        {tr("Input bits"),
            tr("Bit width of the layer's quantized input; '-' means full precision "
               "(32-bit float).")},
        {tr("Output shape"),
            tr("Shape of one sample leaving the layer: channels x height x width, or "
               "a number of features.")},
    };
    for (int b : paramBits)
        columns.append({tr("%n-bit params", nullptr, b),
            tr("Parameters stored with %n bit(s) each (weights, biases, batch-norm "
               "statistics).",
                nullptr, b)});
    columns.append({tr("Memory (KiB)"),
        tr("Storage of the layer's parameters at their bit widths: "
           "bits / 8 / 1024.")});
    for (int b : macBits)
        columns.append({tr("%n-bit MACs", nullptr, b),
            tr("Multiply-accumulate operations per sample at %n-bit precision, the larger of "
               "the input and the weight precision. 1-bit MACs are XNOR and popcount on "
               "binary hardware.",
                nullptr, b)});

    m_table->clear();
    m_table->setColumnCount(int(columns.size()));
    m_table->setRowCount(int(summary.layers.size()) + 1);
    for (int c = 0; c < columns.size(); ++c) {
        auto *header = new QTableWidgetItem(columns[c].title);
        header->setToolTip(richToolTip(columns[c].toolTip));
        m_table->setHorizontalHeaderItem(c, header);
    }
    const int firstParam = 4;
    const int memoryColumn = firstParam + int(paramBits.size());
    auto fillNumbers
        = [&](int row, const QMap<int, qint64> &params, double memory, const QMap<int, qint64> &macs) {
              for (int i = 0; i < paramBits.size(); ++i)
                  m_table->setItem(row, firstParam + i, textItem(count(params.value(paramBits[i])), true));
              m_table->setItem(row, memoryColumn, textItem(kib(memory), true));
              for (int i = 0; i < macBits.size(); ++i)
                  m_table->setItem(row, memoryColumn + 1 + i, textItem(count(macs.value(macBits[i])), true));
          };
    for (int r = 0; r < summary.layers.size(); ++r) {
        const LayerSummary &l = summary.layers.at(r);
        m_table->setItem(r, 0, textItem(l.name, false));
        m_table->setItem(r, 1, textItem(l.type, false));
        m_table->setItem(
            r, 2, textItem(l.inputBits > 0 ? QString::number(l.inputBits) : QStringLiteral("-"), true));
        m_table->setItem(r, 3, textItem(l.output.toString(), true));
        fillNumbers(r, l.params, l.memoryKiB, l.macs);
    }
    const int totalRow = int(summary.layers.size());
    m_table->setItem(totalRow, 0, textItem(tr("Total"), false));
    for (int c = 1; c < 4; ++c)
        m_table->setItem(totalRow, c, textItem(QString(), false));
    fillNumbers(totalRow, summary.totalParams, summary.modelSizeKiB, summary.totalMacs);
    QFont bold = m_table->font();
    bold.setBold(true);
    for (int c = 0; c < m_table->columnCount(); ++c)
        m_table->item(totalRow, c)->setFont(bold);
    m_table->resizeColumnsToContents();
}

void SummaryPane::fillTotals(const ModelSummary &summary)
{
    QList<QPair<QString, QString>> rows;
    for (auto it = summary.totalParams.begin(); it != summary.totalParams.end(); ++it)
        rows.append({tr("%n-bit parameters", nullptr, it.key()), count(it.value())});
    rows.append({tr("Total parameters"), count(summary.paramCount())});
    rows.append({tr("Model size"), tr("%1 KiB").arg(kib(summary.modelSizeKiB))});
    rows.append({tr("Float-32 equivalent"), tr("%1 KiB").arg(kib(summary.float32SizeKiB))});
    rows.append({tr("Compression ratio"),
        tr("%1\u00d7").arg(QLocale().toString(summary.compressionRatio, 'f', 2))}); // ×
    rows.append({tr("MACs per sample"), count(summary.macCount())});
    rows.append({tr("Binarized MACs"),
        tr("%1 %").arg(QLocale().toString(100.0 * summary.binarizedMacShare, 'f', 1))});

    m_totalsLines.clear();
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"0\">");
    for (const auto &row : rows) {
        m_totalsLines << tr("%1: %2").arg(row.first, row.second);
        html += QStringLiteral("<tr><td>%1</td><td align=\"right\">&nbsp;&nbsp;<b>%2</b></td></tr>")
                    .arg(row.first.toHtmlEscaped(), row.second.toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    m_totals->setText(html);
    m_totals->setToolTip(richToolTip(
        tr("Model size counts every parameter at its bit width; the float-32 equivalent stores all of "
           "them as 32-bit floats; the compression ratio is the second over the first. The binarized "
           "share is the fraction of multiply-accumulates done with 1-bit operands.")));
}

QString SummaryPane::totalsText() const { return m_totalsLines.join(QLatin1Char('\n')); }

QString SummaryPane::errorText() const { return m_error->text(); }

} // namespace qb
