#include "export/labreport.h"

#include "export/atomicfile.h"
#include "export/runcharts.h"
#include "quant/quantizercatalog.h"
#include "spec/experimentspec.h"
#include "util/version.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <cmath>

namespace qb {

namespace {

/// tr() for the helpers below (same context as the writer's texts).
class LabReportText
{
    Q_DECLARE_TR_FUNCTIONS(qb::LabReport)
};

const QColor kText(30, 30, 30);
const QColor kMuted(105, 105, 105);
const QColor kRule(200, 200, 200);
const QColor kAccent(31, 119, 180);
const QColor kShade(242, 246, 251);
const QColor kError(170, 30, 30);

constexpr double kFooterHeight = 22; ///< reserved at the bottom of every page
constexpr int kBodyPixels = 10;
constexpr int kTablePixels = 8;

QFont reportFont(int pixels, bool bold = false)
{
    QFont f;
    f.setPixelSize(pixels);
    f.setBold(bold);
    // Layout and drawing use the same unhinted advances, whatever the scale.
    f.setHintingPreference(QFont::PreferNoHinting);
    return f;
}

QString dateText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
                          : QStringLiteral("-");
}

QString percent(double fraction, int decimals = 2)
{
    if (!(fraction >= 0.0) || !std::isfinite(fraction))
        return QStringLiteral("-");
    return QStringLiteral("%1 %").arg(100.0 * fraction, 0, 'f', decimals);
}

QString number(double v, int decimals)
{
    if (!std::isfinite(v))
        return QStringLiteral("-");
    return QString::number(v, 'f', decimals);
}

QString shortNumber(double v)
{
    if (!std::isfinite(v))
        return QStringLiteral("-");
    return QString::number(v, 'g', 6);
}

QString count(qint64 n) { return QLocale().toString(n); }

QString sizeText(double kib)
{
    if (kib >= 1024.0)
        return LabReportText::tr("%1 MiB").arg(kib / 1024.0, 0, 'f', 2);
    return LabReportText::tr("%1 KiB").arg(kib, 0, 'f', 2);
}

QString durationText(double seconds)
{
    if (seconds < 60.0)
        return LabReportText::tr("%1 s").arg(seconds, 0, 'f', 1);
    const qint64 whole = qint64(std::llround(seconds));
    if (whole < 3600)
        return LabReportText::tr("%1 min %2 s").arg(whole / 60).arg(whole % 60);
    return LabReportText::tr("%1 h %2 min").arg(whole / 3600).arg((whole % 3600) / 60);
}

QString paramsText(const QJsonObject &params)
{
    QStringList parts;
    for (auto it = params.begin(); it != params.end(); ++it) {
        const QJsonValue v = it.value();
        QString value;
        if (v.isDouble())
            value = QString::number(v.toDouble(), 'g', 6);
        else if (v.isBool())
            value = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else if (v.isString())
            value = v.toString();
        else
            value
                = QString::fromUtf8(QJsonDocument::fromVariant(v.toVariant()).toJson(QJsonDocument::Compact));
        parts << QStringLiteral("%1 %2").arg(it.key(), value);
    }
    return parts.join(QStringLiteral(", "));
}

/// Paints the report page by page; all coordinates are points (1/72 inch) of the content area.
class LabReportWriter
{
    Q_DECLARE_TR_FUNCTIONS(qb::LabReport)

public:
    LabReportWriter(const RunArchive &archive, QPdfWriter &writer)
        : m_archive(archive)
        , m_writer(writer)
    {
        const QJsonDocument doc = QJsonDocument::fromJson(archive.run.specJson.toUtf8());
        if (auto spec = ExperimentSpec::fromJson(doc.object()))
            m_spec = *spec;
        else
            m_spec = archive.model.experiment;
        m_summary = archive.summary;
        if (m_summary.layers.isEmpty()) {
            if (auto computed = ModelSummary::compute(m_spec.network))
                m_summary = *computed;
        }
    }

    bool write()
    {
        if (!m_painter.begin(&m_writer))
            return false;
        m_painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        m_scale = m_writer.resolution() / 72.0;
        m_painter.scale(m_scale, m_scale);
        m_width = m_writer.width() / m_scale;
        m_height = m_writer.height() / m_scale;

        titleBlock();
        networkSection();
        summarySection();
        trainingSection();
        confusionSection();
        sweepsSection();
        settingsSection();
        footer();
        return m_painter.end();
    }

private:
    // ---- layout primitives ----

    double bottom() const { return m_height - kFooterHeight; }

    void footer()
    {
        const QFont f = reportFont(8);
        m_painter.setPen(QPen(kRule, 0.6));
        const double y = m_height - kFooterHeight + 8;
        m_painter.drawLine(QPointF(0, y), QPointF(m_width, y));
        m_painter.setFont(f);
        m_painter.setPen(kMuted);
        const QString left = tr("QuantBench lab report \u00B7 run %1 \u00B7 %2")
                                 .arg(m_archive.run.id)
                                 .arg(m_archive.run.name);
        const QFontMetricsF fm(f);
        m_painter.drawText(QRectF(0, y + 2, m_width - 60, 12), Qt::AlignLeft | Qt::AlignVCenter,
            fm.elidedText(left, Qt::ElideRight, m_width - 70));
        m_painter.drawText(QRectF(m_width - 60, y + 2, 60, 12), Qt::AlignRight | Qt::AlignVCenter,
            tr("page %1").arg(m_page));
    }

    void newPage()
    {
        footer();
        m_writer.newPage();
        ++m_page;
        m_y = 0;
    }

    /// Starts a new page unless `height` more points fit on this one (or the page is still empty).
    void ensure(double height)
    {
        if (m_y > 0 && m_y + height > bottom())
            newPage();
    }

    double textHeight(const QString &text, const QFont &font, double width) const
    {
        return QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text).height();
    }

    void paragraph(const QString &text, const QFont &font = reportFont(kBodyPixels),
        const QColor &color = kText, double after = 6)
    {
        const double h = textHeight(text, font, m_width);
        ensure(h);
        m_painter.setFont(font);
        m_painter.setPen(color);
        m_painter.drawText(QRectF(0, m_y, m_width, h), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
        m_y += h + after;
    }

    /// A numbered section heading; `keepWith` is the height of what must follow on the same page.
    void heading(const QString &text, double keepWith = 60)
    {
        const QFont f = reportFont(15, true);
        ensure(26 + keepWith);
        if (m_y > 0)
            m_y += 10;
        m_painter.setFont(f);
        m_painter.setPen(kAccent);
        m_painter.drawText(QRectF(0, m_y, m_width, 20), Qt::AlignLeft | Qt::AlignVCenter,
            QStringLiteral("%1  %2").arg(++m_section).arg(text));
        m_y += 21;
        m_painter.setPen(QPen(kAccent, 0.8));
        m_painter.drawLine(QPointF(0, m_y), QPointF(m_width, m_y));
        m_y += 8;
    }

    void subheading(const QString &text, double keepWith = 40)
    {
        const QFont f = reportFont(11, true);
        ensure(18 + keepWith);
        m_y += 4;
        m_painter.setFont(f);
        m_painter.setPen(kText);
        m_painter.drawText(QRectF(0, m_y, m_width, 15), Qt::AlignLeft | Qt::AlignVCenter, text);
        m_y += 18;
    }

    double chartScale(const QSizeF &size) const
    {
        return std::min({1.0, m_width / size.width(), bottom() / size.height()});
    }

    /// A drawing at its own size (points), shrunk only when wider or taller than a page;
    /// `keepAfter`: the height of what must follow on the same page (a caption).
    void chart(const QSizeF &size, const RunCharts::Drawing &drawing, double keepAfter = 0)
    {
        const double scale = chartScale(size);
        const double h = size.height() * scale;
        ensure(std::min(h + keepAfter, bottom()));
        const QRectF target((m_width - size.width() * scale) / 2, m_y, size.width() * scale, h);
        RunCharts::paintInto(m_painter, target, size, drawing);
        m_y += h + 10;
    }

    /// A drawing at its own size that may continue on the next pages, cut only at `breaks` (heights
    /// in the drawing, ascending): a tall network diagram starts under its heading instead of
    /// leaving the rest of the page empty.
    void slicedChart(const QSizeF &size, const QList<double> &breaks, const RunCharts::Drawing &drawing)
    {
        const double scale = std::min(1.0, m_width / size.width());
        const double left = (m_width - size.width() * scale) / 2;
        double done = 0; // drawing units already placed
        while (done < size.height() - 0.5) {
            const double room = (bottom() - m_y) / scale;
            double take = size.height() - done;
            if (take > room) {
                double cut = -1;
                for (double b : breaks) {
                    if (b > done + 1 && b - done <= room)
                        cut = b;
                }
                if (cut < 0) {
                    if (m_y == 0) { // not even one row fits a page: shrink the rest instead
                        chart(QSizeF(size.width(), size.height() - done), [&](QPainter &p, const QSizeF &) {
                            p.translate(0, -done);
                            drawing(p, size);
                        });
                        return;
                    }
                    newPage();
                    continue;
                }
                take = cut - done;
            }
            m_painter.save();
            m_painter.setClipRect(QRectF(0, m_y, m_width, take * scale));
            m_painter.translate(left, m_y - done * scale);
            m_painter.scale(scale, scale);
            drawing(m_painter, size);
            m_painter.restore();
            m_y += take * scale;
            done += take;
            if (done < size.height() - 0.5)
                newPage();
        }
        m_y += 10;
    }

    struct Column
    {
        QString title;
        bool numeric = false;
    };

    /// A table that breaks across pages (the header repeats). Column widths follow the content,
    /// shrunk to the page width when needed (cells are then elided). `boldRows`: indices in rows.
    void table(const QList<Column> &columns, const QList<QStringList> &rows, const QList<int> &boldRows = {},
        int pixels = kTablePixels)
    {
        const QFont font = reportFont(pixels);
        const QFont bold = reportFont(pixels, true);
        const QFontMetricsF fm(font), fmBold(bold);
        const double pad = 4;
        QVector<double> widths(columns.size(), 0.0);
        for (int c = 0; c < columns.size(); ++c)
            widths[c] = fmBold.horizontalAdvance(columns[c].title) + 2 * pad;
        for (const QStringList &r : rows)
            for (int c = 0; c < columns.size() && c < r.size(); ++c)
                widths[c] = std::max(widths[c], fmBold.horizontalAdvance(r[c]) + 2 * pad);
        double total = 0;
        for (double w : widths)
            total += w;
        if (total > m_width) {
            // Shrink the widest columns first: cap every column at a common width that makes it fit.
            QVector<double> sorted = widths;
            std::sort(sorted.begin(), sorted.end());
            double cap = sorted.last();
            while (cap > 20) {
                double t = 0;
                for (double w : widths)
                    t += std::min(w, cap);
                if (t <= m_width)
                    break;
                cap -= 2;
            }
            for (double &w : widths)
                w = std::min(w, cap);
        } else if (columns.size() > 1) {
            // Spread the spare room over the columns (tables no wider than they need: at most 1.6x).
            const double spare = std::min(m_width - total, total * 0.6);
            for (double &w : widths)
                w += spare * w / total;
        }
        const double lineHeight = pixels + 6;
        // Text columns wrap (a long quantizer or nonideality stays whole); numbers are elided.
        auto heightOf = [&](const QStringList &cells, bool isBold) {
            double h = lineHeight;
            const QFontMetricsF &metrics = isBold ? fmBold : fm;
            for (int c = 0; c < columns.size() && c < cells.size(); ++c) {
                if (columns[c].numeric || metrics.horizontalAdvance(cells[c]) <= widths[c] - 2 * pad)
                    continue;
                const QRectF r = metrics.boundingRect(
                    QRectF(0, 0, widths[c] - 2 * pad, 1e6), Qt::TextWordWrap, cells[c]);
                h = std::max(h, r.height() + 6);
            }
            return h;
        };

        auto drawRow = [&](const QStringList &cells, bool isHeader, bool isBold, bool shaded) {
            const double rowHeight = heightOf(cells, isHeader || isBold);
            double x = 0;
            double rowWidth = 0;
            for (double w : widths)
                rowWidth += w;
            if (isHeader) {
                m_painter.fillRect(QRectF(0, m_y, rowWidth, rowHeight), QColor(225, 234, 245));
            } else if (shaded) {
                m_painter.fillRect(QRectF(0, m_y, rowWidth, rowHeight), kShade);
            }
            if (isBold && !isHeader) {
                m_painter.setPen(QPen(kMuted, 0.6));
                m_painter.drawLine(QPointF(0, m_y), QPointF(rowWidth, m_y));
            }
            const QFont &f = isHeader || isBold ? bold : font;
            const QFontMetricsF &metrics = isHeader || isBold ? fmBold : fm;
            m_painter.setFont(f);
            m_painter.setPen(kText);
            for (int c = 0; c < columns.size(); ++c) {
                const QString text = c < cells.size() ? cells[c] : QString();
                const QRectF cell(x + pad, m_y, widths[c] - 2 * pad, rowHeight);
                if (columns[c].numeric || metrics.horizontalAdvance(text) <= cell.width())
                    m_painter.drawText(cell,
                        (columns[c].numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                        metrics.elidedText(text, Qt::ElideRight, cell.width()));
                else
                    m_painter.drawText(
                        cell.adjusted(0, 3, 0, 0), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
                x += widths[c];
            }
            m_y += rowHeight;
        };
        QStringList header;
        for (const Column &c : columns)
            header << c.title;
        ensure(lineHeight * std::min<qsizetype>(3, rows.size() + 1));
        drawRow(header, true, false, false);
        for (int i = 0; i < rows.size(); ++i) {
            if (m_y + heightOf(rows[i], boldRows.contains(i)) > bottom()) {
                newPage();
                drawRow(header, true, false, false);
            }
            drawRow(rows[i], false, boldRows.contains(i), i % 2 == 1);
        }
        m_y += 8;
    }

    void keyValues(const QList<QPair<QString, QString>> &rows)
    {
        const QFont keyFont = reportFont(9, true);
        const QFont valueFont = reportFont(9);
        double keyWidth = 0;
        for (const auto &r : rows)
            keyWidth = std::max(keyWidth, QFontMetricsF(keyFont).horizontalAdvance(r.first));
        keyWidth = std::min(keyWidth + 12, m_width * 0.4);
        for (const auto &r : rows) {
            const double h = std::max(13.0, textHeight(r.second, valueFont, m_width - keyWidth) + 2);
            ensure(h);
            m_painter.setFont(keyFont);
            m_painter.setPen(kMuted);
            m_painter.drawText(QRectF(0, m_y, keyWidth, h), Qt::AlignLeft | Qt::AlignTop, r.first);
            m_painter.setFont(valueFont);
            m_painter.setPen(kText);
            m_painter.drawText(QRectF(keyWidth, m_y, m_width - keyWidth, h),
                Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, r.second);
            m_y += h;
        }
        m_y += 6;
    }

    // ---- sections ----

    void titleBlock()
    {
        const RunRecord &run = m_archive.run;
        paragraph(tr("QuantBench lab report"), reportFont(9), kMuted, 2);
        paragraph(run.name.isEmpty() ? tr("Run %1").arg(run.id) : run.name, reportFont(20, true), kText, 4);
        QString subtitle = tr("Run %1 \u00B7 %2 \u00B7 network %3 \u00B7 dataset %4")
                               .arg(run.id)
                               .arg(runStatusName(run.status),
                                   run.networkName.isEmpty() ? m_spec.network.name : run.networkName,
                                   run.dataset.isEmpty() ? m_spec.dataset : run.dataset);
        paragraph(subtitle, reportFont(kBodyPixels), kText, 2);
        paragraph(tr("Started %1 \u00B7 finished %2 \u00B7 seed %3")
                      .arg(dateText(run.created), dateText(run.finished))
                      .arg(run.seed),
            reportFont(9), kMuted, 12);

        // Four figures in boxes.
        const QList<QPair<QString, QString>> figures{
            {tr("Final test accuracy"), percent(run.finalTestAccuracy)},
            {tr("Best test accuracy"), percent(run.bestTestAccuracy)},
            {tr("Epochs"), tr("%1 of %2").arg(run.epochsDone).arg(run.epochsPlanned)},
            {tr("Model size"),
                m_summary.layers.isEmpty() ? QStringLiteral("-") : sizeText(m_summary.modelSizeKiB)},
        };
        const double gap = 10;
        const double boxWidth = (m_width - gap * (figures.size() - 1)) / figures.size();
        const double boxHeight = 48;
        ensure(boxHeight);
        for (int i = 0; i < figures.size(); ++i) {
            const QRectF box(i * (boxWidth + gap), m_y, boxWidth, boxHeight);
            m_painter.setPen(QPen(i == 0 ? kAccent : kRule, i == 0 ? 1.4 : 0.8));
            m_painter.setBrush(i == 0 ? QColor(233, 242, 251) : QColor(250, 250, 250));
            m_painter.drawRoundedRect(box, 4, 4);
            m_painter.setFont(reportFont(8));
            m_painter.setPen(kMuted);
            m_painter.drawText(box.adjusted(8, 6, -8, 0), Qt::AlignLeft | Qt::AlignTop, figures[i].first);
            // The figure shrinks until it fits its box.
            int pixels = 17;
            while (pixels > 9
                && QFontMetricsF(reportFont(pixels, true)).horizontalAdvance(figures[i].second)
                    > boxWidth - 16)
                --pixels;
            m_painter.setFont(reportFont(pixels, true));
            m_painter.setPen(i == 0 ? kAccent : kText);
            m_painter.drawText(
                box.adjusted(8, 18, -8, -4), Qt::AlignLeft | Qt::AlignVCenter, figures[i].second);
        }
        m_painter.setBrush(Qt::NoBrush);
        m_y += boxHeight + 10;

        if (!run.error.isEmpty())
            paragraph(tr("The run failed: %1").arg(run.error), reportFont(kBodyPixels), kError);
        if (!run.tags.isEmpty())
            paragraph(tr("Tags: %1").arg(run.tags.join(QStringLiteral(", "))), reportFont(9), kText, 3);
        if (!run.notes.isEmpty()) {
            paragraph(tr("Notes"), reportFont(9, true), kText, 2);
            paragraph(run.notes, reportFont(9), kText);
        }
        paragraph(tr("Report made on %1 with QuantBench %2.")
                      .arg(dateText(QDateTime::currentDateTimeUtc()), quantbenchVersion()),
            reportFont(8), kMuted, 4);
    }

    void networkSection()
    {
        const NetworkSpec &network = m_spec.network;
        const QSizeF size = RunCharts::networkSize(network, m_width);
        const QList<double> breaks = RunCharts::networkBreaks(network, m_width);
        // Keep the heading with the diagram's first row (or all of it, when it is one row).
        heading(tr("Network"), breaks.isEmpty() ? size.height() * chartScale(size) : breaks.first());
        const ModelSummary summary = m_summary;
        slicedChart(size, breaks, [network, summary](QPainter &p, const QSizeF &s) {
            RunCharts::drawNetwork(p, s, network, summary);
        });
        paragraph(
            tr("Input %1. Blocks with a thick border are quantized layers; \"in\" is the input quantizer, "
               "\"w\" the kernel (weight) quantizer, and the arrow gives each layer's output shape.")
                .arg(network.input.toString()),
            reportFont(8), kMuted);
    }

    void summarySection()
    {
        heading(tr("Model summary"));
        if (m_summary.layers.isEmpty()) {
            paragraph(tr("The network could not be summarized."));
            return;
        }
        QList<int> bits = m_summary.totalParams.keys();
        if (bits.isEmpty())
            bits << 32;
        QList<Column> columns{
            {tr("#"), true}, {tr("Layer")}, {tr("Type")}, {tr("Input bits"), true}, {tr("Output shape")}};
        for (int b : bits)
            columns << Column{tr("%1-bit params").arg(b), true};
        columns << Column{tr("Memory (KiB)"), true};
        QList<QStringList> rows;
        for (const LayerSummary &l : m_summary.layers) {
            QStringList r{QString::number(l.index + 1), l.name, l.type,
                l.inputBits > 0 ? QString::number(l.inputBits) : QStringLiteral("-"), l.output.toString()};
            for (int b : bits)
                r << (l.params.value(b) > 0 ? count(l.params.value(b)) : QStringLiteral("-"));
            r << QString::number(l.memoryKiB, 'f', 2);
            rows << r;
        }
        QStringList total{QString(), tr("Total"), QString(), QString(), QString()};
        for (int b : bits)
            total << count(m_summary.totalParams.value(b));
        total << QString::number(m_summary.modelSizeKiB, 'f', 2);
        rows << total;
        table(columns, rows, {int(rows.size()) - 1});

        QStringList macs;
        for (auto it = m_summary.totalMacs.begin(); it != m_summary.totalMacs.end(); ++it)
            macs << tr("%1 at %2 bit").arg(count(it.value())).arg(it.key());
        keyValues({
            {tr("Parameters"), count(m_summary.paramCount())},
            {tr("Model size"),
                tr("%1 KiB (%2 KiB with 8-bit floats; %3 KiB as float-32, a compression of %4\u00D7)")
                    .arg(m_summary.modelSizeKiB, 0, 'f', 2)
                    .arg(m_summary.size8BitFloatKiB, 0, 'f', 2)
                    .arg(m_summary.float32SizeKiB, 0, 'f', 2)
                    .arg(m_summary.compressionRatio, 0, 'f', 1)},
            {tr("Multiply-accumulates"),
                macs.isEmpty() ? QStringLiteral("-") : macs.join(QStringLiteral(", "))},
            {tr("Binarized MACs"), percent(m_summary.binarizedMacShare, 1)},
        });
    }

    void trainingSection()
    {
        heading(tr("Training"), 220);
        const QList<EpochMetrics> epochs = m_archive.epochs;
        chart(QSizeF(m_width, 215),
            [epochs](QPainter &p, const QSizeF &s) { RunCharts::drawCurves(p, s, epochs); });
        if (epochs.isEmpty())
            return;
        QList<QStringList> rows;
        double seconds = 0;
        for (const EpochMetrics &e : epochs) {
            rows << QStringList{QString::number(e.epoch), number(e.trainLoss, 4), percent(e.trainAccuracy),
                number(e.testLoss, 4), percent(e.testAccuracy), number(e.seconds, 1),
                number(e.samplesPerSecond, 0)};
            if (std::isfinite(e.seconds))
                seconds += e.seconds;
        }
        table({{tr("Epoch"), true}, {tr("Train loss"), true}, {tr("Train accuracy"), true},
                  {tr("Test loss"), true}, {tr("Test accuracy"), true}, {tr("Time (s)"), true},
                  {tr("Samples/s"), true}},
            rows);
        paragraph(tr("Training took %1 in all.").arg(durationText(seconds)), reportFont(9), kMuted);
    }

    void confusionSection()
    {
        const int classes = RunCharts::confusionClasses(m_archive.confusion);
        const QSizeF size = RunCharts::confusionSize(classes);
        const double caption = 34;
        heading(tr("Confusion matrix"), classes > 0 ? size.height() * chartScale(size) + caption : 20);
        if (classes == 0) {
            paragraph(
                tr("The confusion matrix was not available: the test split of the dataset could not be read "
                   "when this report was made."));
            return;
        }
        const QVector<int> confusion = m_archive.confusion;
        const QStringList names = m_archive.model.classNames;
        chart(
            size,
            [confusion, names](
                QPainter &p, const QSizeF &s) { RunCharts::drawConfusion(p, s, confusion, names); },
            caption);
        paragraph(
            tr("Rows are the actual classes, columns the predicted ones; a cell's shade is its share of the "
               "row, and the right column is each class's recall."),
            reportFont(8), kMuted);
    }

    void sweepsSection()
    {
        heading(tr("Sweeps"), 20);
        if (m_archive.sweeps.isEmpty()) {
            paragraph(
                tr("No sweep (post-training quantization, noise or Monte Carlo) was run on this model."));
            return;
        }
        for (int i = 0; i < m_archive.sweeps.size(); ++i) {
            const SweepRecord sweep = m_archive.sweeps[i];
            const QSizeF size(m_width, 210);
            QString title = tr("Sweep %1 of %2").arg(i + 1).arg(m_archive.sweeps.size());
            if (sweep.created.isValid())
                title += tr(" (recorded %1)").arg(dateText(sweep.created));
            if (sweep.points.isEmpty()) {
                subheading(title, 14);
                paragraph(tr("This %1 sweep has no points.").arg(sweep.kind));
                continue;
            }
            subheading(title, size.height());
            chart(size, [sweep](QPainter &p, const QSizeF &s) { RunCharts::drawSweep(p, s, sweep); });
            QList<QStringList> rows;
            for (const SweepPoint &pt : sweep.points)
                rows << QStringList{shortNumber(pt.value), percent(pt.accuracyMean), percent(pt.accuracyStd),
                    percent(pt.accuracyMin), percent(pt.accuracyMax), QString::number(pt.accuracies.size()),
                    number(pt.loss, 4)};
            table({{sweep.parameter.isEmpty() ? tr("Value") : sweep.parameter, true},
                      {tr("Mean accuracy"), true}, {tr("Std"), true}, {tr("Min"), true}, {tr("Max"), true},
                      {tr("Chips"), true}, {tr("Loss"), true}},
                rows);
            if (!sweep.settingsJson.isEmpty()) {
                const QJsonObject settings = QJsonDocument::fromJson(sweep.settingsJson.toUtf8()).object();
                if (!settings.isEmpty())
                    paragraph(tr("Settings: %1").arg(paramsText(settings)), reportFont(8), kMuted);
            }
        }
    }

    void settingsSection()
    {
        heading(tr("Settings"), 120);
        const TrainSpec &t = m_spec.train;
        QList<QPair<QString, QString>> rows{
            {tr("Dataset"), m_spec.dataset},
            {tr("Network input"), m_spec.network.input.toString()},
            {tr("Optimizer"), t.optimizer == OptimizerKind::Adam ? tr("Adam") : tr("SGD")},
            {tr("Learning rate"), QString::number(t.learningRate, 'g', 6)},
        };
        if (t.optimizer == OptimizerKind::Sgd)
            rows << qMakePair(tr("Momentum"), QString::number(t.momentum, 'g', 6));
        rows << qMakePair(tr("Batch size"), QString::number(t.batchSize))
             << qMakePair(tr("Epochs"), QString::number(t.epochs))
             << qMakePair(tr("Weight decay"), QString::number(t.weightDecay, 'g', 6))
             << qMakePair(tr("Early stopping"),
                    t.earlyStoppingPatience > 0
                        ? tr("patience %1 epochs (on test loss)").arg(t.earlyStoppingPatience)
                        : tr("off"))
             << qMakePair(tr("Seed"), QString::number(t.seed))
             << qMakePair(tr("Threads"), t.threads > 0 ? QString::number(t.threads) : tr("all cores"))
             << qMakePair(tr("Training samples"),
                    t.trainLimit > 0 ? QString::number(t.trainLimit) : tr("whole split"))
             << qMakePair(
                    tr("Test samples"), t.testLimit > 0 ? QString::number(t.testLimit) : tr("whole split"))
             << qMakePair(tr("Input scaling"),
                    t.normalization == Normalization::MinusOneToOne ? tr("pixels to [-1, 1]")
                                                                    : tr("pixels to [0, 1]"));
        subheading(tr("Training"), 80);
        keyValues(rows);

        subheading(tr("Quantizers per layer"), 40);
        QList<QStringList> quantRows;
        auto quantizer = [](const QuantizerSpec &q) {
            if (q.isNone())
                return tr("none (float)");
            const QString params = paramsText(q.params);
            const QString bits = tr("%1-bit").arg(QuantizerCatalog::bits(q));
            return params.isEmpty() ? QStringLiteral("%1 (%2)").arg(q.name, bits)
                                    : QStringLiteral("%1 (%2; %3)").arg(q.name, bits, params);
        };
        for (int i = 0; i < m_spec.network.layers.size(); ++i) {
            const LayerSpec &l = m_spec.network.layers[i];
            if (!l.hasWeights())
                continue;
            QStringList noise;
            for (const NoiseSpec &n : l.nonidealities) {
                const QString params = paramsText(n.params);
                noise << (params.isEmpty()
                        ? QStringLiteral("%1 (%2)").arg(n.model, noisePhaseName(n.phase))
                        : QStringLiteral("%1 (%2; %3)").arg(n.model, noisePhaseName(n.phase), params));
            }
            const QString name
                = i < m_summary.layers.size() ? m_summary.layers[i].name : layerTypeName(l.type);
            quantRows << QStringList{name, quantizer(l.inputQuantizer), quantizer(l.kernelQuantizer),
                l.kernelClip > 0 ? QString::number(l.kernelClip, 'g', 6) : tr("none"),
                noise.isEmpty() ? tr("none") : noise.join(QStringLiteral("; "))};
        }
        if (quantRows.isEmpty())
            paragraph(tr("The network has no layer with weights."));
        else
            table({{tr("Layer")}, {tr("Input quantizer")}, {tr("Kernel quantizer")}, {tr("Kernel clip")},
                      {tr("Nonidealities")}},
                quantRows);
        bool anyNoise = false;
        for (const LayerSpec &l : m_spec.network.layers)
            anyNoise = anyNoise || !l.nonidealities.isEmpty();
        if (anyNoise)
            paragraph(
                tr("Nonidealities simulate imperfect hardware: they act as listed (training, evaluation or "
                   "both) and are drawn anew for every simulated chip."),
                reportFont(8), kMuted);
    }

    const RunArchive &m_archive;
    QPdfWriter &m_writer;
    QPainter m_painter;
    ExperimentSpec m_spec;
    ModelSummary m_summary;
    double m_scale = 1.0;
    double m_width = 0;
    double m_height = 0;
    double m_y = 0;
    int m_page = 1;
    int m_section = 0;
};

} // namespace

Status writeLabReport(const RunArchive &archive, const QString &path)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return Status::failure(
            LabReportWriter::tr("cannot write the report %1: drawing it needs fonts, which only a "
                                "graphical application object (QGuiApplication) provides")
                .arg(QDir::toNativeSeparators(path)));
    QByteArray pdf;
    {
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageOrientation(QPageLayout::Portrait);
        writer.setPageMargins(QMarginsF(16, 14, 16, 12), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setTitle(LabReportWriter::tr("Lab report: %1").arg(archive.run.name));
        writer.setCreator(QStringLiteral("QuantBench"));
        LabReportWriter report(archive, writer);
        if (!report.write())
            return Status::failure(
                LabReportWriter::tr("cannot write the report %1: the PDF could not be drawn")
                    .arg(QDir::toNativeSeparators(path)));
    }
    if (pdf.isEmpty())
        return Status::failure(LabReportWriter::tr("cannot write the report %1: the PDF came out empty")
                                   .arg(QDir::toNativeSeparators(path)));
    return writeFileAtomically(path, pdf);
}

} // namespace qb
