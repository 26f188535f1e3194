#include "inspector/issuehighlight.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QPainter>
#include <QPalette>
#include <QSpinBox>
#include <QTextDocument>
#include <QVariant>
#include <QWidget>

namespace qb {

namespace {

constexpr char kIssueProperty[] = "qbIssue";
constexpr char kBaseToolTipProperty[] = "qbBaseToolTip";
constexpr char kOwnPaletteProperty[] = "qbIssueOwnPalette"; ///< the palette set before the mark, if any
const QColor kIssueRed(0xc6, 0x28, 0x28);

/// A red frame drawn over a marked control. It is a child that ignores the mouse and follows the
/// control's size; the control itself keeps its native look (a style sheet border would replace the
/// native drawing of a spin box's arrows and a combo box's drop-down button).
class IssueFrame : public QWidget
{
public:
    explicit IssueFrame(QWidget *target)
        : QWidget(target)
    {
        setObjectName(QStringLiteral("qbIssueFrame"));
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setAttribute(Qt::WA_NoSystemBackground);
        setFocusPolicy(Qt::NoFocus);
        setGeometry(target->rect());
        target->installEventFilter(this);
        show();
        raise();
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == parent() && event->type() == QEvent::Resize) {
            setGeometry(parentWidget()->rect());
            raise();
        }
        return QWidget::eventFilter(watched, event);
    }

    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(kIssueRed, 1.5));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(QRectF(rect()).adjusted(0.75, 0.75, -0.75, -0.75), 2, 2);
    }
};

QWidget *issueFrameOf(QWidget *widget)
{
    return widget->findChild<QWidget *>(QStringLiteral("qbIssueFrame"), Qt::FindDirectChildrenOnly);
}

/// A light red behind the text (Base: line edits, spin boxes) and on buttons (Button: combo boxes),
/// over whatever palette the widget had.
void tintPalette(QWidget *widget)
{
    const bool ownPalette = widget->testAttribute(Qt::WA_SetPalette);
    widget->setProperty(kOwnPaletteProperty, ownPalette ? QVariant::fromValue(widget->palette()) : QVariant());
    QPalette tinted = ownPalette ? widget->palette() : QPalette();
    const QColor base = widget->palette().color(QPalette::Base);
    const QColor button = widget->palette().color(QPalette::Button);
    const auto mixRed = [](const QColor &c) {
        return QColor::fromRgbF(c.redF() * 0.82 + kIssueRed.redF() * 0.18,
            c.greenF() * 0.82 + kIssueRed.greenF() * 0.18, c.blueF() * 0.82 + kIssueRed.blueF() * 0.18);
    };
    tinted.setColor(QPalette::Base, mixRed(base));
    tinted.setColor(QPalette::Button, mixRed(button));
    widget->setPalette(tinted);
}

void restorePalette(QWidget *widget)
{
    const QVariant own = widget->property(kOwnPaletteProperty);
    // An empty palette resolves nothing: the widget inherits its parent's again.
    widget->setPalette(own.isValid() ? own.value<QPalette>() : QPalette());
    widget->setProperty(kOwnPaletteProperty, QVariant());
}

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
        delete issueFrameOf(widget);
        restorePalette(widget);
        widget->setToolTip(widget->property(kBaseToolTipProperty).toString());
        return;
    }
    if (!marked) {
        widget->setProperty(kBaseToolTipProperty, widget->toolTip());
        // No style sheet: a border in one makes Qt draw the whole control itself, and spin boxes
        // lose their arrows. A tinted palette and a frame on top keep the native sub-controls.
        tintPalette(widget);
        new IssueFrame(widget);
    }
    widget->setProperty(kIssueProperty, true);
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

void highlightIssues(const QList<ValidationIssue> &issues,
                     const std::function<QList<QWidget *>(const QString &)> &widgetsFor,
                     QList<QWidget *> *highlighted)
{
    QList<QWidget *> marked;
    for (const ValidationIssue &issue : issues) {
        for (QWidget *w : widgetsFor(issue.field)) {
            setIssueHighlight(w, issue.message);
            marked.append(w);
        }
    }
    for (QWidget *w : std::as_const(*highlighted)) {
        if (!marked.contains(w))
            setIssueHighlight(w, QString());
    }
    *highlighted = marked;
}

void showValue(QSpinBox *spin, int value)
{
    if (spin->value() != value)
        spin->setValue(value);
}

void showValue(QDoubleSpinBox *spin, double value)
{
    if (spin->value() != value)
        spin->setValue(value);
}

void showData(QComboBox *combo, int data)
{
    const int index = combo->findData(data);
    if (combo->currentIndex() != index)
        combo->setCurrentIndex(index);
}

} // namespace qb
