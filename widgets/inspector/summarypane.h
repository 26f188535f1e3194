#pragma once

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTableWidget;
class QTimer;

namespace qb {

class NetworkDocument;
struct ModelSummary;

/// The model summary in Larq's layout: one row per layer with its input precision, output
/// shape, parameters per bit width, memory and multiply-accumulates per precision, then the
/// totals (parameters per width, model size, float-32 equivalent, compression ratio, share of
/// binarized MACs). Follows the document live; bursts of changes are coalesced into one update
/// (a zero-delay timer). An invalid network shows the validator's message instead.
class SummaryPane : public QWidget
{
    Q_OBJECT
public:
    explicit SummaryPane(NetworkDocument *document, QWidget *parent = nullptr);

    /// The totals block as plain text, one "label: value" line each, numbers in the UI locale
    /// ("1-bit parameters: 93,088"); empty while the network is invalid.
    QString totalsText() const;
    /// The validator's message shown instead of the table; empty while the network is valid.
    QString errorText() const;
    QTableWidget *table() const { return m_table; }

public Q_SLOTS:
    /// Recomputes now (normally done on the next event-loop turn after a change).
    void recompute();

Q_SIGNALS:
    /// The user clicked a layer's row.
    void layerActivated(int index);

private:
    void fillTable(const ModelSummary &summary);
    void fillTotals(const ModelSummary &summary);

    NetworkDocument *m_document;
    QTimer *m_timer;
    QStackedWidget *m_stack;
    QTableWidget *m_table;
    QLabel *m_totals;
    QLabel *m_error;
    QStringList m_totalsLines;
};

} // namespace qb
