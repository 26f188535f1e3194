#include "help/referencepages.h"

#include <QLocale>
#include <QStringList>

namespace qb {

namespace {

QString number(double value) { return QString::number(value, 'g', QLocale::FloatingPointShortest); }

QString code(const QString &text) { return QStringLiteral("<code>%1</code>").arg(text.toHtmlEscaped()); }

QString defaultText(const QuantizerParam &param)
{
    switch (param.kind) {
    case QuantizerParam::Kind::Bool:
        return param.defaultNumber != 0.0 ? QStringLiteral("true") : QStringLiteral("false");
    case QuantizerParam::Kind::Choice:
        return param.defaultChoice;
    case QuantizerParam::Kind::Integer:
    case QuantizerParam::Kind::Number:
        break;
    }
    return number(param.defaultNumber);
}

bool paramsMatch(const QList<QuantizerParam> &params, const QString &text)
{
    for (const QuantizerParam &p : params) {
        if (p.key.contains(text, Qt::CaseInsensitive) || p.description.contains(text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString parametersCell(const QList<QuantizerParam> &params)
{
    QStringList parts;
    for (const QuantizerParam &p : params)
        parts.append(ReferencePages::parameterSummary(p).toHtmlEscaped());
    return parts.isEmpty() ? QStringLiteral("–") : parts.join(QStringLiteral(", "));
}

QString row(const QStringList &cells)
{
    QString html = QStringLiteral("<tr>");
    for (const QString &cell : cells)
        html += QStringLiteral("<td valign=\"top\">%1</td>").arg(cell);
    return html + QStringLiteral("</tr>");
}

/// `widths`: the share of each column in percent (the descriptions want the room).
QString headerRow(const QStringList &cells, const QList<int> &widths = {})
{
    QString html = QStringLiteral("<tr>");
    for (int i = 0; i < cells.size(); ++i) {
        const QString width
            = i < widths.size() ? QStringLiteral(" width=\"%1%\"").arg(widths.at(i)) : QString();
        html += QStringLiteral("<th align=\"left\"%1>%2</th>").arg(width, cells.at(i).toHtmlEscaped());
    }
    return html + QStringLiteral("</tr>");
}

QString table(const QString &rows)
{
    return QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">%1</table>")
        .arg(rows);
}

QString parameterTable(const QList<QuantizerParam> &params)
{
    if (params.isEmpty())
        return QStringLiteral("<p>%1</p>").arg(ReferencePages::tr("No parameters.").toHtmlEscaped());
    QString rows = headerRow({ReferencePages::tr("parameter"), ReferencePages::tr("default"),
        ReferencePages::tr("allowed"), ReferencePages::tr("meaning")});
    for (const QuantizerParam &p : params) {
        QString allowed;
        switch (p.kind) {
        case QuantizerParam::Kind::Bool:
            allowed = ReferencePages::tr("true or false");
            break;
        case QuantizerParam::Kind::Choice:
            allowed = p.choices.join(QStringLiteral(", "));
            break;
        case QuantizerParam::Kind::Integer:
            allowed
                = ReferencePages::tr("whole number from %1 to %2").arg(number(p.minimum), number(p.maximum));
            break;
        case QuantizerParam::Kind::Number:
            allowed = ReferencePages::tr("%1 to %2").arg(number(p.minimum), number(p.maximum));
            break;
        }
        QString meaning = p.description.toHtmlEscaped();
        if (p.optional)
            meaning += QStringLiteral(" <i>%1</i>")
                           .arg(ReferencePages::tr("(optional: absent or 0 turns it off)").toHtmlEscaped());
        rows += row({code(p.key), code(defaultText(p)), allowed.toHtmlEscaped(), meaning});
    }
    return table(rows);
}

} // namespace

QString ReferencePages::parameterSummary(const QuantizerParam &param)
{
    if (param.kind == QuantizerParam::Kind::Choice) {
        QStringList choices{param.defaultChoice};
        for (const QString &c : param.choices) {
            if (c != param.defaultChoice)
                choices.append(c);
        }
        return QStringLiteral("%1 (%2)").arg(param.key, choices.join(QStringLiteral(", ")));
    }
    return QStringLiteral("%1 (%2)").arg(param.key, defaultText(param));
}

QString ReferencePages::bitsText(const QuantizerInfo &info)
{
    if (info.bitsParam.isEmpty())
        return QString::number(info.bits);
    return tr("set by %1").arg(info.bitsParam);
}

QString ReferencePages::rolesText(int roles)
{
    if (roles == InputRole)
        return tr("inputs only");
    if (roles == KernelRole)
        return tr("weights only");
    return tr("inputs and weights");
}

bool ReferencePages::matches(const QuantizerInfo &info, const QString &text)
{
    const QString needle = text.trimmed();
    return needle.isEmpty() || info.name.contains(needle, Qt::CaseInsensitive)
        || info.description.contains(needle, Qt::CaseInsensitive) || paramsMatch(info.params, needle);
}

bool ReferencePages::matches(const NoiseInfo &info, const QString &text)
{
    const QString needle = text.trimmed();
    return needle.isEmpty() || info.name.contains(needle, Qt::CaseInsensitive)
        || info.description.contains(needle, Qt::CaseInsensitive) || paramsMatch(info.params, needle);
}

QString ReferencePages::quantizerTable()
{
    QString rows = headerRow(
        {tr("name"), tr("what it does"), tr("bits per value"), tr("used on"), tr("parameters (default)")},
        {16, 44, 9, 11, 20});
    for (const QuantizerInfo &info : QuantizerCatalog::all()) {
        rows += row({QStringLiteral("<a href=\"quantizer:%1\">%2</a>").arg(info.name, code(info.name)),
            info.description.toHtmlEscaped(), bitsText(info).toHtmlEscaped(),
            rolesText(info.roles).toHtmlEscaped(), parametersCell(info.params)});
    }
    return table(rows);
}

QString ReferencePages::nonidealityTable()
{
    QString rows = headerRow(
        {tr("model"), tr("what it does"), tr("applied"), tr("parameters (default)")}, {16, 50, 12, 22});
    for (const NoiseInfo &info : NoiseCatalog::all()) {
        rows += row({QStringLiteral("<a href=\"nonideality:%1\">%2</a>").arg(info.name, code(info.name)),
            info.description.toHtmlEscaped(),
            (info.perChip ? tr("fixed per chip") : tr("on every pass")).toHtmlEscaped(),
            parametersCell(info.params)});
    }
    return table(rows);
}

QString ReferencePages::overview()
{
    QString html;
    html += QStringLiteral("<a name=\"quantizers\"></a><h2>%1</h2>").arg(tr("Quantizers").toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>")
                .arg(tr("A conv or dense layer names a quantizer for its input and one for its weights, "
                        "each with its parameters; missing parameters take their defaults. sign(0) = +1.")
                         .toHtmlEscaped());
    html += quantizerTable();
    html += QStringLiteral("<a name=\"nonidealities\"></a><h2>%1</h2>")
                .arg(tr("Hardware nonidealities").toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>")
                .arg(tr("A conv or dense layer carries a list of nonidealities, each acting in training, "
                        "evaluation or both. Noise never changes the trained weights: it is drawn on "
                        "every forward pass, or once per simulated chip.")
                         .toHtmlEscaped());
    html += nonidealityTable();
    return html;
}

QString ReferencePages::quantizerPage(const QuantizerInfo &info)
{
    QString html = QStringLiteral("<h2>%1</h2>").arg(code(info.name));
    html += QStringLiteral("<p>%1</p>").arg(info.description.toHtmlEscaped());
    html += QStringLiteral("<p><b>%1</b> %2<br><b>%3</b> %4</p>")
                .arg(tr("Bits per value:").toHtmlEscaped(), bitsText(info).toHtmlEscaped(),
                    tr("Used on:").toHtmlEscaped(), rolesText(info.roles).toHtmlEscaped());
    html += QStringLiteral("<h3>%1</h3>").arg(tr("Parameters").toHtmlEscaped());
    html += parameterTable(info.params);
    return html;
}

QString ReferencePages::nonidealityPage(const NoiseInfo &info)
{
    QString html = QStringLiteral("<h2>%1</h2>").arg(code(info.name));
    html += QStringLiteral("<p>%1</p>").arg(info.description.toHtmlEscaped());
    html += QStringLiteral("<p><b>%1</b> %2</p>")
                .arg(tr("Applied:").toHtmlEscaped(),
                    (info.perChip ? tr("as a fixed pattern drawn once per simulated chip (in training, a "
                                       "fresh one on every pass)")
                                  : tr("on every forward pass"))
                        .toHtmlEscaped());
    html += QStringLiteral("<h3>%1</h3>").arg(tr("Parameters").toHtmlEscaped());
    html += parameterTable(info.params);
    return html;
}

} // namespace qb
