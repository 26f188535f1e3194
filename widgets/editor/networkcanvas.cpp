#include "networkcanvas.h"

#include "document/networkdocument.h"
#include "layerblockpainter.h"
#include "layerpalette.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollArea>
#include <QToolTip>

namespace qb {

namespace {

constexpr int kMargin = 16; // around the content
constexpr int kGutter = 30; // left of the cards, for the layer numbers
constexpr int kGap = 30; // between one card (or its message) and the next card: the arrow
constexpr int kMessageGap = 2;
constexpr int kPlaceholderHeight = 64;

} // namespace

NetworkCanvas::NetworkCanvas(NetworkDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAcceptDrops(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);

    connect(document, &NetworkDocument::layerInserted, this, &NetworkCanvas::onLayerInserted);
    connect(document, &NetworkDocument::layerRemoved, this, &NetworkCanvas::onLayerRemoved);
    connect(document, &NetworkDocument::layerMoved, this, &NetworkCanvas::onLayerMoved);
    connect(document, &NetworkDocument::networkReset, this, &NetworkCanvas::onNetworkReset);
    connect(document, &NetworkDocument::networkChanged, this, &NetworkCanvas::rebuild);
    rebuild();
}

NetworkCanvas::~NetworkCanvas() = default;

// --- geometry ------------------------------------------------------------------------------------

int NetworkCanvas::blockWidth() const { return qBound(260, fontMetrics().averageCharWidth() * 48, 420); }

void NetworkCanvas::rebuild()
{
    const LayerBlockPainter painter(font(), palette());
    const int width = blockWidth();
    const int contentWidth = 2 * kMargin + kGutter + width;
    // Centre the column when the widget is wider than the content, keeping room for the numbers.
    const int left = qMax(kMargin + kGutter, (this->width() - width + kGutter) / 2);

    const int count = m_document->layerCount();
    const ValidationReport &report = m_document->validation();
    m_slots.resize(count + 1);
    int y = kMargin;
    for (int slot = 0; slot <= count; ++slot) {
        const int layer = slot - 1;
        Slot &s = m_slots[slot];
        if (layer < 0) {
            s.content = LayerBlock::forInput(m_document->network(), m_document->issuesOf(-1));
        } else {
            s.content = LayerBlock::forLayer(
                m_document->layer(layer), report.outputShapes.value(layer), m_document->issuesOf(layer));
        }
        s.block = QRect(left, y, width, painter.blockHeight(s.content, width));
        y = s.block.bottom() + 1;
        const int messageHeight = painter.messageHeight(s.content.message, width);
        s.message = messageHeight > 0 ? QRect(left, y + kMessageGap, width, messageHeight) : QRect();
        y = s.bottom() + 1 + kGap;
    }
    m_placeholder = count == 0 ? QRect(left, y, width, kPlaceholderHeight) : QRect();
    if (count == 0)
        y += kPlaceholderHeight;
    else
        y -= kGap;

    const QSize size(contentWidth, y + kMargin);
    if (size != m_contentSize) {
        m_contentSize = size;
        setMinimumSize(size);
        updateGeometry();
    }
    if (m_hover > count - 1)
        m_hover = kNoBlock;
    update();
}

QRect NetworkCanvas::blockRect(int layer) const
{
    if (layer < -1 || layer >= layerCount())
        return QRect();
    return m_slots.at(layer + 1).block;
}

QRect NetworkCanvas::messageRect(int layer) const
{
    if (layer < -1 || layer >= layerCount())
        return QRect();
    return m_slots.at(layer + 1).message;
}

int NetworkCanvas::blockAt(const QPoint &pos) const
{
    for (int slot = 0; slot < m_slots.size(); ++slot) {
        if (m_slots.at(slot).block.contains(pos))
            return slot - 1;
    }
    return kNoBlock;
}

int NetworkCanvas::insertionIndexAt(const QPoint &pos) const
{
    // Above a card's middle: before it; the input block always stays first.
    const int count = layerCount();
    for (int layer = 0; layer < count; ++layer) {
        if (pos.y() < m_slots.at(layer + 1).block.center().y())
            return layer;
    }
    return count;
}

int NetworkCanvas::dropLineY(int index) const
{
    const int above = m_slots.at(index).bottom(); // slot `index` is layer index - 1 (or the input)
    const int below = index < layerCount() ? m_slots.at(index + 1).block.top() : above + kGap;
    return (above + below) / 2;
}

LayerBlock NetworkCanvas::block(int layer) const
{
    if (layer < -1 || layer >= layerCount())
        return LayerBlock();
    return m_slots.at(layer + 1).content;
}

QString NetworkCanvas::blockMessage(int layer) const { return block(layer).message; }

QSize NetworkCanvas::sizeHint() const { return m_contentSize; }

QSize NetworkCanvas::minimumSizeHint() const { return m_contentSize; }

// --- selection and document signals ----------------------------------------------------------

void NetworkCanvas::setCurrentLayer(int index)
{
    if (index < -1 || index >= layerCount())
        index = -1;
    if (index == m_current)
        return;
    m_current = index;
    update();
    ensureVisible(blockRect(index).united(messageRect(index)));
    Q_EMIT currentLayerChanged(m_current);
}

void NetworkCanvas::shiftCurrent(int index)
{
    // The selection stays on the same layer while its index changes.
    if (index == m_current)
        return;
    m_current = index;
    Q_EMIT currentLayerChanged(m_current);
}

void NetworkCanvas::onLayerInserted(int index)
{
    if (m_current >= index)
        shiftCurrent(m_current + 1);
}

void NetworkCanvas::onLayerRemoved(int index)
{
    if (m_current == index)
        shiftCurrent(qMin(index, m_document->layerCount() - 1)); // the next layer, else the last
    else if (m_current > index)
        shiftCurrent(m_current - 1);
}

void NetworkCanvas::onLayerMoved(int from, int to)
{
    if (m_current == from)
        shiftCurrent(to);
    else if (from < m_current && m_current <= to)
        shiftCurrent(m_current - 1);
    else if (to <= m_current && m_current < from)
        shiftCurrent(m_current + 1);
}

void NetworkCanvas::onNetworkReset()
{
    if (m_current >= m_document->layerCount())
        shiftCurrent(-1);
}

// --- edits --------------------------------------------------------------------------------------

void NetworkCanvas::insertLayerAt(int index, const LayerSpec &layer)
{
    index = qBound(0, index, m_document->layerCount());
    LayerSpec named = layer;
    bool taken = named.name.isEmpty();
    for (int i = 0; i < m_document->layerCount() && !taken; ++i)
        taken = m_document->layer(i).name == named.name;
    if (taken)
        named.name = m_document->uniqueLayerName(named.type);
    m_document->insertLayer(index, named);
    setCurrentLayer(index);
}

void NetworkCanvas::insertTemplateAt(int index, const LayerSpec &templ)
{
    index = qBound(0, index, m_document->layerCount());
    const LayerSpec placed = LayerPalette::forPosition(templ, index);
    insertLayerAt(index, placed);
    if (!(placed == templ))
        Q_EMIT hintShown(LayerPalette::firstLayerHint());
}

void NetworkCanvas::insertAfterCurrent(const LayerSpec &templ)
{
    // Nothing selected: append, the way a network is built (input first, classifier last).
    insertTemplateAt(m_current < 0 ? m_document->layerCount() : m_current + 1, templ);
}

void NetworkCanvas::removeCurrent()
{
    if (m_current >= 0)
        m_document->removeLayer(m_current);
}

void NetworkCanvas::duplicateCurrent()
{
    if (m_current < 0)
        return;
    const int source = m_current;
    m_document->duplicateLayer(source);
    setCurrentLayer(source + 1);
}

void NetworkCanvas::moveCurrentUp()
{
    if (m_current > 0)
        m_document->moveLayer(m_current, m_current - 1);
}

void NetworkCanvas::moveCurrentDown()
{
    if (m_current >= 0 && m_current < m_document->layerCount() - 1)
        m_document->moveLayer(m_current, m_current + 1);
}

QMenu *NetworkCanvas::createContextMenu(QWidget *parent)
{
    auto *menu = new QMenu(parent);
    const bool hasLayer = m_current >= 0;
    const int count = m_document->layerCount();

    QAction *duplicate = menu->addAction(tr("D&uplicate"), this, &NetworkCanvas::duplicateCurrent);
    duplicate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    duplicate->setEnabled(hasLayer);
    QAction *remove = menu->addAction(tr("&Delete"), this, &NetworkCanvas::removeCurrent);
    remove->setShortcut(QKeySequence::Delete);
    remove->setEnabled(hasLayer);
    menu->addSeparator();
    QAction *up = menu->addAction(tr("Move &up"), this, &NetworkCanvas::moveCurrentUp);
    up->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    up->setEnabled(m_current > 0);
    QAction *down = menu->addAction(tr("Move d&own"), this, &NetworkCanvas::moveCurrentDown);
    down->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    down->setEnabled(hasLayer && m_current < count - 1);
    menu->addSeparator();

    QMenu *insert = menu->addMenu(hasLayer ? tr("&Insert after") : tr("&Insert at top"));
    for (int row = 0; row < LayerPalette::templateCount(); ++row) {
        const LayerSpec templ = LayerPalette::templateFor(row);
        QAction *action
            = insert->addAction(LayerStyle::icon(templ, palette()), LayerPalette::templateTitle(row));
        connect(action, &QAction::triggered, this, [this, templ] { insertAfterCurrent(templ); });
    }
    // Shortcuts here are for display: the canvas handles the keys itself (keyPressEvent).
    for (QAction *action : menu->actions())
        action->setShortcutContext(Qt::WidgetShortcut);
    return menu;
}

// --- painting -----------------------------------------------------------------------------------

void NetworkCanvas::paintEvent(QPaintEvent *event)
{
    QPainter p(this);
    const QRect exposed = event->rect();
    const QColor base = palette().color(QPalette::Base);
    p.fillRect(exposed, LayerStyle::mix(base, palette().color(QPalette::Window), 0.35));

    // A faint dot grid, as on a drawing board.
    const QColor dot = LayerStyle::mix(base, palette().color(QPalette::Text), 0.12);
    const int step = 16;
    for (int y = exposed.top() - exposed.top() % step; y <= exposed.bottom(); y += step) {
        for (int x = exposed.left() - exposed.left() % step; x <= exposed.right(); x += step)
            p.fillRect(x, y, 1, 1, dot);
    }

    const LayerBlockPainter painter(font(), palette());
    for (int slot = 0; slot + 1 < m_slots.size(); ++slot) {
        const Slot &from = m_slots.at(slot);
        const Slot &to = m_slots.at(slot + 1);
        painter.paintArrow(&p, QPoint(from.block.center().x(), from.bottom() + 1),
            QPoint(to.block.center().x(), to.block.top()));
    }
    if (!m_placeholder.isNull()) {
        const Slot &input = m_slots.first();
        painter.paintArrow(&p, QPoint(input.block.center().x(), input.bottom() + 1),
            QPoint(m_placeholder.center().x(), m_placeholder.top()));
        painter.paintPlaceholder(&p, m_placeholder, tr("Drag layers here from the palette"));
    }

    for (int slot = 0; slot < m_slots.size(); ++slot) {
        const Slot &s = m_slots.at(slot);
        const int layer = slot - 1;
        if (!exposed.intersects(s.block.united(s.message).adjusted(-kGutter, -6, 6, 6)))
            continue;
        int state = LayerBlockPainter::Normal;
        if (layer == m_current && (layer >= 0 || hasFocus()))
            state |= LayerBlockPainter::Selected;
        if (layer == m_hover)
            state |= LayerBlockPainter::Hovered;
        painter.paintBlock(&p, s.block, s.content, state);
        painter.paintMessage(&p, s.message, s.content.message);
        if (layer >= 0)
            painter.paintNumber(
                &p, QRect(s.block.left() - kGutter, s.block.top() + 8, kGutter - 8, 20), layer + 1);
    }

    if (m_dropIndex >= 0) {
        const QRect column = m_slots.first().block;
        painter.paintDropIndicator(&p, column.left() - 6, column.right() + 6, dropLineY(m_dropIndex));
    }
}

// --- events -------------------------------------------------------------------------------------

bool NetworkCanvas::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int layer = blockAt(help->pos());
        if (layer == kNoBlock)
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), block(layer).toolTip, this, blockRect(layer));
        return true;
    }
    return QWidget::event(event);
}

void NetworkCanvas::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    rebuild();
}

void NetworkCanvas::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange
        || event->type() == QEvent::LanguageChange)
        rebuild();
}

void NetworkCanvas::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    const int layer = blockAt(event->position().toPoint());
    setCurrentLayer(layer == kNoBlock ? -1 : layer);
    update(); // the input block's highlight depends on focus
    m_pressedLayer = event->button() == Qt::LeftButton ? layer : kNoBlock;
    m_pressPos = event->position().toPoint();
}

void NetworkCanvas::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if ((event->buttons() & Qt::LeftButton) && m_pressedLayer >= 0
        && (pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
        const int layer = m_pressedLayer;
        m_pressedLayer = kNoBlock;
        startBlockDrag(layer);
        return;
    }
    const int hover = blockAt(pos);
    if (hover != m_hover) {
        m_hover = hover;
        update();
    }
}

void NetworkCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    Q_UNUSED(event);
    m_pressedLayer = kNoBlock;
}

void NetworkCanvas::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int layer = blockAt(event->position().toPoint());
    if (layer != kNoBlock)
        Q_EMIT layerActivated(layer);
}

void NetworkCanvas::leaveEvent(QEvent *event)
{
    QWidget::leaveEvent(event);
    if (m_hover != kNoBlock) {
        m_hover = kNoBlock;
        update();
    }
}

void NetworkCanvas::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    const int last = m_document->layerCount() - 1;
    switch (event->key()) {
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (mods != Qt::NoModifier)
            break;
        removeCurrent();
        return;
    case Qt::Key_D:
        if (mods != Qt::ControlModifier)
            break;
        duplicateCurrent();
        return;
    case Qt::Key_Up:
        if (mods == Qt::AltModifier)
            moveCurrentUp();
        else if (mods == Qt::NoModifier)
            setCurrentLayer(qMax(-1, m_current - 1));
        else
            break;
        return;
    case Qt::Key_Down:
        if (mods == Qt::AltModifier)
            moveCurrentDown();
        else if (mods == Qt::NoModifier)
            setCurrentLayer(qMin(last, m_current + 1));
        else
            break;
        return;
    case Qt::Key_Home:
        setCurrentLayer(-1);
        return;
    case Qt::Key_End:
        setCurrentLayer(last);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        Q_EMIT layerActivated(m_current);
        return;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void NetworkCanvas::contextMenuEvent(QContextMenuEvent *event)
{
    const int layer = blockAt(event->pos());
    if (event->reason() == QContextMenuEvent::Mouse)
        setCurrentLayer(layer == kNoBlock ? -1 : layer);
    QMenu *menu = createContextMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

// --- scrolling ---------------------------------------------------------------------------------

QScrollArea *NetworkCanvas::enclosingScrollArea() const
{
    for (QWidget *w = parentWidget(); w; w = w->parentWidget()) {
        if (auto *area = qobject_cast<QScrollArea *>(w))
            return area->widget() == this ? area : nullptr;
    }
    return nullptr;
}

void NetworkCanvas::ensureVisible(const QRect &rect)
{
    if (rect.isNull())
        return;
    if (QScrollArea *area = enclosingScrollArea())
        area->ensureVisible(
            rect.center().x(), rect.center().y(), rect.width() / 2 + 8, rect.height() / 2 + 8);
}

} // namespace qb
