#pragma once

#include <QDialog>
#include <QStringList>

class QLineEdit;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

namespace qb {

/// Help ▸ Quantizer and nonideality reference: every quantizer of QuantizerCatalog and every
/// hardware nonideality of NoiseCatalog in a searchable list; the page beside it shows the overview
/// tables (a catalogue heading or nothing selected) or one entry with its parameters (ReferencePages).
/// Non-modal: it stays open beside the inspector while a network is edited.
class ReferenceDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ReferenceDialog(QWidget *parent = nullptr);

    /// Entries are keyed "quantizer:NAME" and "nonideality:NAME".
    static QString quantizerKey(const QString &name);
    static QString nonidealityKey(const QString &name);

    /// The names listed under "Quantizers" / "Hardware nonidealities" (hidden ones too), in order.
    QStringList quantizerNames() const;
    QStringList nonidealityNames() const;
    /// The keys of the entries the search leaves visible, in list order.
    QStringList visibleKeys() const;

    /// Filters the list (what typing in the search field does).
    void setSearchText(const QString &text);
    /// Selects an entry by key and shows its page; an unknown key shows the overview.
    void showEntry(const QString &key);
    /// The key of the page shown; empty for the overview.
    QString currentKey() const { return m_currentKey; }

    QLineEdit *searchField() const { return m_search; }
    QTreeWidget *tree() const { return m_tree; }
    QTextBrowser *browser() const { return m_browser; }

private:
    void populate();
    void applyFilter(const QString &text);
    void onCurrentItemChanged(QTreeWidgetItem *item);
    QStringList childNames(int group) const;

    QLineEdit *m_search;
    QTreeWidget *m_tree;
    QTextBrowser *m_browser;
    QString m_currentKey;
};

} // namespace qb
