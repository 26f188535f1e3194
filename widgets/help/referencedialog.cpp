#include "help/referencedialog.h"

#include "help/referencepages.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace qb {

namespace {

enum Group { QuantizerGroup = 0, NonidealityGroup = 1 };
constexpr int kKeyRole = Qt::UserRole;

} // namespace

ReferenceDialog::ReferenceDialog(QWidget *parent)
    : QDialog(parent)
    , m_search(new QLineEdit(this))
    , m_tree(new QTreeWidget(this))
    , m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("referenceDialog"));
    setWindowTitle(tr("Quantizer and nonideality reference"));
    setModal(false);
    m_search->setObjectName(QStringLiteral("referenceSearch"));
    m_search->setPlaceholderText(tr("Search names, descriptions and parameters…"));
    m_search->setClearButtonEnabled(true);
    m_tree->setObjectName(QStringLiteral("referenceTree"));
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(true);
    m_tree->setMinimumWidth(180);
    m_browser->setObjectName(QStringLiteral("referenceBrowser"));
    m_browser->setOpenLinks(false); // entry links select the entry; nothing leaves the dialog

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_tree, 1);
    splitter->addWidget(left);
    splitter->addWidget(m_browser);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 680});

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(960, 640);

    populate();
    connect(m_search, &QLineEdit::textChanged, this, &ReferenceDialog::applyFilter);
    connect(m_tree, &QTreeWidget::currentItemChanged, this,
        [this](QTreeWidgetItem *current) { onCurrentItemChanged(current); });
    connect(m_browser, &QTextBrowser::anchorClicked, this,
        [this](const QUrl &url) { showEntry(url.toString()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    showEntry(QString());
}

QString ReferenceDialog::quantizerKey(const QString &name) { return QStringLiteral("quantizer:") + name; }

QString ReferenceDialog::nonidealityKey(const QString &name) { return QStringLiteral("nonideality:") + name; }

void ReferenceDialog::populate()
{
    m_tree->clear();
    auto *quantizers = new QTreeWidgetItem(m_tree, {tr("Quantizers")});
    for (const QuantizerInfo &info : QuantizerCatalog::all()) {
        auto *item = new QTreeWidgetItem(quantizers, {info.name});
        item->setData(0, kKeyRole, quantizerKey(info.name));
        item->setToolTip(0, info.description);
    }
    auto *nonidealities = new QTreeWidgetItem(m_tree, {tr("Hardware nonidealities")});
    for (const NoiseInfo &info : NoiseCatalog::all()) {
        auto *item = new QTreeWidgetItem(nonidealities, {info.name});
        item->setData(0, kKeyRole, nonidealityKey(info.name));
        item->setToolTip(0, info.description);
    }
    m_tree->expandAll();
}

QStringList ReferenceDialog::childNames(int group) const
{
    QStringList names;
    const QTreeWidgetItem *parent = m_tree->topLevelItem(group);
    for (int i = 0; parent && i < parent->childCount(); ++i)
        names.append(parent->child(i)->text(0));
    return names;
}

QStringList ReferenceDialog::quantizerNames() const { return childNames(QuantizerGroup); }

QStringList ReferenceDialog::nonidealityNames() const { return childNames(NonidealityGroup); }

QStringList ReferenceDialog::visibleKeys() const
{
    QStringList keys;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        const QTreeWidgetItem *parent = m_tree->topLevelItem(g);
        for (int i = 0; i < parent->childCount(); ++i) {
            if (!parent->child(i)->isHidden())
                keys.append(parent->child(i)->data(0, kKeyRole).toString());
        }
    }
    return keys;
}

void ReferenceDialog::setSearchText(const QString &text) { m_search->setText(text); }

void ReferenceDialog::applyFilter(const QString &text)
{
    const QList<QuantizerInfo> &quantizers = QuantizerCatalog::all();
    const QList<NoiseInfo> &nonidealities = NoiseCatalog::all();
    QTreeWidgetItem *qGroup = m_tree->topLevelItem(QuantizerGroup);
    QTreeWidgetItem *nGroup = m_tree->topLevelItem(NonidealityGroup);
    int shown = 0;
    for (int i = 0; i < qGroup->childCount() && i < quantizers.size(); ++i) {
        const bool match = ReferencePages::matches(quantizers.at(i), text);
        qGroup->child(i)->setHidden(!match);
        shown += match ? 1 : 0;
    }
    qGroup->setHidden(shown == 0);
    shown = 0;
    for (int i = 0; i < nGroup->childCount() && i < nonidealities.size(); ++i) {
        const bool match = ReferencePages::matches(nonidealities.at(i), text);
        nGroup->child(i)->setHidden(!match);
        shown += match ? 1 : 0;
    }
    nGroup->setHidden(shown == 0);
    // Typing narrows to one entry: show it right away.
    const QStringList keys = visibleKeys();
    if (keys.size() == 1)
        showEntry(keys.first());
}

void ReferenceDialog::showEntry(const QString &key)
{
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *parent = m_tree->topLevelItem(g);
        for (int i = 0; i < parent->childCount(); ++i) {
            if (parent->child(i)->data(0, kKeyRole).toString() == key) {
                m_tree->setCurrentItem(parent->child(i)); // onCurrentItemChanged shows the page
                onCurrentItemChanged(parent->child(i));
                return;
            }
        }
    }
    m_currentKey.clear();
    m_browser->setHtml(ReferencePages::overview());
}

void ReferenceDialog::onCurrentItemChanged(QTreeWidgetItem *item)
{
    const QString key = item ? item->data(0, kKeyRole).toString() : QString();
    if (key == m_currentKey && !key.isEmpty())
        return;
    m_currentKey = key;
    const QString name = key.section(QLatin1Char(':'), 1);
    if (key.startsWith(QLatin1String("quantizer:"))) {
        if (const QuantizerInfo *info = QuantizerCatalog::find(name)) {
            m_browser->setHtml(ReferencePages::quantizerPage(*info));
            return;
        }
    } else if (key.startsWith(QLatin1String("nonideality:"))) {
        if (const NoiseInfo *info = NoiseCatalog::find(name)) {
            m_browser->setHtml(ReferencePages::nonidealityPage(*info));
            return;
        }
    }
    // A catalogue heading: the overview, scrolled to that catalogue's table.
    m_currentKey.clear();
    m_browser->setHtml(ReferencePages::overview());
    if (item && m_tree->indexOfTopLevelItem(item) == NonidealityGroup)
        m_browser->scrollToAnchor(QStringLiteral("nonidealities"));
}

} // namespace qb
