#include "help/tourguide.h"

#include "common/appsettings.h"
#include "help/tourhighlight.h"

#include <QDockWidget>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace qb {

namespace {

constexpr int kPanelWidth = 360;
constexpr int kGap = 14; ///< between the panel and what it points at

} // namespace

TourGuide::TourGuide(QMainWindow *window, const QList<TourStep> &steps)
    : QFrame(window)
    , m_window(window)
    , m_steps(steps)
    , m_highlight(new TourHighlight(window))
    , m_progress(new QLabel(this))
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_back(new QPushButton(tr("Back"), this))
    , m_next(new QPushButton(tr("Next"), this))
    , m_skip(new QPushButton(tr("Skip tour"), this))
{
    setObjectName(QStringLiteral("tourGuide"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setFixedWidth(kPanelWidth);
    m_back->setObjectName(QStringLiteral("tourBack"));
    m_next->setObjectName(QStringLiteral("tourNext"));
    m_skip->setObjectName(QStringLiteral("tourSkip"));
    m_next->setDefault(true);

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_progress->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_skip);
    buttons->addStretch(1);
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->addWidget(m_progress);
    layout->addWidget(m_title);
    layout->addWidget(m_text);
    layout->addLayout(buttons);
    hide();

    connect(m_back, &QPushButton::clicked, this, &TourGuide::back);
    connect(m_next, &QPushButton::clicked, this, &TourGuide::next);
    connect(m_skip, &QPushButton::clicked, this, &TourGuide::finish);
}

TourGuide::~TourGuide()
{
    // The highlight is the window's child, not ours.
    delete m_highlight;
}

TourHighlight *TourGuide::highlight() const { return m_highlight; }

QList<TourStep> TourGuide::defaultSteps()
{
    return {
        {tr("1. Pick a binarized network"),
            tr("<b>File ▸ Presets ▸ larq-mnist-bnn</b> opens Larq's binarized network for MNIST (it is "
               "open at the first start). Its layers show in the middle: binary conv and dense layers "
               "with batch norms. Click a layer to see its quantizers in the Inspector."),
            QString(), QString::fromLatin1(TourStep::kMenuBarTarget)},
        {tr("2. Look at the summary"),
            tr("The <b>Model summary</b> counts parameters per bit width, memory and multiply-"
               "accumulates: a binary weight takes 1 bit instead of 32. It updates as you edit."),
            QStringLiteral("summaryDock"), QString()},
        {tr("3. Press Train"),
            tr("Pick the dataset (Fashion-MNIST is installed; MNIST can be downloaded with "
               "<b>Data…</b>) and the epochs, then press <b>Train</b>. The curves draw live; every run "
               "is kept in the history."),
            QStringLiteral("trainingDock"), QStringLiteral("trainButton")},
        {tr("4. Press Train baseline twin"),
            tr("<b>Train baseline twin</b> trains the same network without its quantizers and "
               "nonidealities: the full-precision twin that shows what binarization costs."),
            QStringLiteral("trainingDock"), QStringLiteral("baselineButton")},
        {tr("5. Compare in the history"),
            tr("Select both runs in the <b>History</b> (Ctrl+click): their curves overlay. <b>Run "
               "details</b> shows one run's confusion matrix and misclassified images."),
            QStringLiteral("historyDock"), QString()},
        {tr("6. Compare side by side"),
            tr("<b>Comparison</b> sets the selected runs against each other: accuracy, model size "
               "and what differs in their settings. Help ▸ Tour shows this tour again; Help ▸ "
               "Reference explains every quantizer and nonideality."),
            QStringLiteral("comparisonDock"), QString()},
    };
}

bool TourGuide::shouldStartAutomatically(bool tourShown, bool scriptedStart, const QString &platformName)
{
    if (tourShown || scriptedStart)
        return false;
    return platformName != QLatin1String("offscreen") && platformName != QLatin1String("minimal");
}

TourGuide *TourGuide::startIfFirstRun(QMainWindow *window, bool scriptedStart)
{
    if (!window || qEnvironmentVariableIsSet("QUANTBENCH_NO_TOUR"))
        return nullptr;
    AppSettings settings;
    if (!shouldStartAutomatically(settings.tourShown(), scriptedStart, QGuiApplication::platformName()))
        return nullptr;
    settings.setTourShown(true);
    auto *tour = new TourGuide(window);
    tour->start();
    return tour;
}

QWidget *TourGuide::resolveTarget(const TourStep &step) const
{
    QWidget *dock = nullptr;
    if (!step.dockName.isEmpty()) {
        if (auto *d = m_window->findChild<QDockWidget *>(step.dockName)) {
            d->show();
            d->raise();
            dock = d;
        }
    }
    if (step.widgetName == QLatin1String(TourStep::kMenuBarTarget))
        return m_window->menuBar();
    if (!step.widgetName.isEmpty()) {
        auto *widget = m_window->findChild<QWidget *>(step.widgetName);
        if (widget && widget->isVisibleTo(m_window)) {
            // Tall docks scroll: bring the button into view.
            for (QWidget *w = widget->parentWidget(); w; w = w->parentWidget()) {
                if (auto *area = qobject_cast<QScrollArea *>(w)) {
                    area->ensureWidgetVisible(widget);
                    break;
                }
            }
            return widget;
        }
    }
    return dock;
}

void TourGuide::start(int index)
{
    if (m_steps.isEmpty())
        return;
    m_current = std::clamp(index, 0, stepCount() - 1);
    const TourStep &s = m_steps.at(m_current);
    m_progress->setText(tr("Tour, step %1 of %n", "", stepCount()).arg(m_current + 1));
    m_title->setText(s.title);
    m_text->setText(s.text);
    m_back->setEnabled(m_current > 0);
    m_next->setText(m_current + 1 < stepCount() ? tr("Next") : tr("Done"));
    m_skip->setVisible(m_current + 1 < stepCount());

    m_target = resolveTarget(s);
    m_highlight->setTarget(m_target);
    adjustSize();
    placeNear(m_highlight->targetRect());
    show();
    raise();
    Q_EMIT stepChanged(m_current);
}

void TourGuide::next()
{
    if (m_current + 1 < stepCount())
        start(m_current + 1);
    else
        finish();
}

void TourGuide::back()
{
    if (m_current > 0)
        start(m_current - 1);
}

void TourGuide::finish()
{
    m_current = -1;
    m_target = nullptr;
    if (m_highlight)
        m_highlight->setTarget(nullptr);
    hide();
    Q_EMIT finished();
    deleteLater();
}

void TourGuide::placeNear(const QRect &target)
{
    const QRect area = m_window->rect().adjusted(8, 8, -8, -8);
    const QSize size = sizeHint().expandedTo(QSize(kPanelWidth, 0));
    const auto fits = [&](const QPoint &p) {
        const QRect r(p, size);
        return area.contains(r) && !r.intersects(target);
    };
    QList<QPoint> candidates;
    if (!target.isNull()) {
        const int y
            = std::clamp(target.top(), area.top(), std::max(area.top(), area.bottom() - size.height()));
        const int x
            = std::clamp(target.left(), area.left(), std::max(area.left(), area.right() - size.width()));
        candidates << QPoint(target.left() - kGap - size.width(), y) // left of it
                   << QPoint(target.right() + kGap, y) // right of it
                   << QPoint(x, target.top() - kGap - size.height()) // above
                   << QPoint(x, target.bottom() + kGap); // below
    }
    for (const QPoint &p : std::as_const(candidates)) {
        if (fits(p)) {
            move(p);
            return;
        }
    }
    // Nowhere beside it (a dock filling the window): the middle of the window.
    move(area.center() - QPoint(size.width() / 2, size.height() / 2));
}

} // namespace qb
