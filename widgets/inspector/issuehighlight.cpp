#include "inspector/issuehighlight.h"

#include <QCoreApplication>
#include <QTextDocument>
#include <QVariant>
#include <QWidget>

namespace qb {

namespace {

constexpr char kIssueProperty[] = "qbIssue";
constexpr char kBaseToolTipProperty[] = "qbBaseToolTip";

} // namespace

QString richToolTip(const QString &text)
{
    if (text.isEmpty())
        return text;
    QString html = text.toHtmlEscaped();
    html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return QStringLiteral("<p>%1</p>").arg(html);
}

void setIssueHighlight(QWidget *widget, const QString &message)
{
    if (!widget)
        return;
    const bool marked = hasIssueHighlight(widget);
    if (message.isEmpty()) {
        if (!marked)
            return;
        widget->setProperty(kIssueProperty, false);
        widget->setStyleSheet(QString());
        widget->setToolTip(widget->property(kBaseToolTipProperty).toString());
        return;
    }
    if (!marked)
        widget->setProperty(kBaseToolTipProperty, widget->toolTip());
    widget->setProperty(kIssueProperty, true);
    // The property selector keeps the frame off the widget's children (a spin box's line edit).
    widget->setStyleSheet(
        QStringLiteral("*[qbIssue=\"true\"] { border: 1px solid #c62828; border-radius: 2px; }"));
    QString base = widget->property(kBaseToolTipProperty).toString();
    if (!Qt::mightBeRichText(base))
        base = richToolTip(base);
    const QString problem = QStringLiteral("<p style=\"color:#c62828\">%1</p>")
                                .arg(QCoreApplication::translate("qb::LayerInspector", "Problem: %1")
                                         .arg(message)
                                         .toHtmlEscaped());
    widget->setToolTip(base + problem);
}

bool hasIssueHighlight(const QWidget *widget) { return widget && widget->property(kIssueProperty).toBool(); }

} // namespace qb
