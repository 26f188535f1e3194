#include "document/networkdocument.h"

#include "document/editlayercommand.h"
#include "document/editnetworkcommand.h"
#include "document/insertlayercommand.h"
#include "document/movelayercommand.h"
#include "document/removelayercommand.h"

#include <QFileInfo>
#include <QSet>
#include <QUndoStack>

namespace qb {

NetworkDocument::NetworkDocument(QObject *parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
{
    connect(
        m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
    revalidate();
}

NetworkDocument::~NetworkDocument() = default;

QList<ValidationIssue> NetworkDocument::issuesOf(int layer) const
{
    QList<ValidationIssue> result;
    for (const ValidationIssue &issue : m_validation.issues) {
        if (issue.layer == layer)
            result.append(issue);
    }
    return result;
}

QString NetworkDocument::displayName() const
{
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).completeBaseName();
    if (!m_network.name.isEmpty())
        return m_network.name;
    return tr("untitled");
}

bool NetworkDocument::isModified() const { return !m_undoStack->isClean(); }

void NetworkDocument::reset(const NetworkSpec &network, const QString &filePath)
{
    m_undoStack->clear();
    m_network = network;
    revalidate();
    if (m_filePath != filePath) {
        m_filePath = filePath;
        Q_EMIT filePathChanged(m_filePath);
    }
    Q_EMIT networkReset();
    Q_EMIT networkChanged();
    Q_EMIT modifiedChanged(false);
}

Status NetworkDocument::load(const QString &path)
{
    Result<NetworkSpec> loaded = NetworkSpec::fromFile(path);
    if (!loaded)
        return Status::failure(loaded.error());
    reset(*loaded, QFileInfo(path).absoluteFilePath());
    return Status();
}

Status NetworkDocument::saveAs(const QString &path)
{
    Status saved = m_network.saveToFile(path);
    if (!saved)
        return saved;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (m_filePath != absolute) {
        m_filePath = absolute;
        Q_EMIT filePathChanged(m_filePath);
    }
    m_undoStack->setClean();
    return Status();
}

void NetworkDocument::insertLayer(int index, const LayerSpec &layer)
{
    index = qBound(0, index, layerCount());
    m_undoStack->push(new InsertLayerCommand(this, index, layer, tr("Insert %1").arg(layer.name)));
}

void NetworkDocument::removeLayer(int index)
{
    if (index < 0 || index >= layerCount())
        return;
    m_undoStack->push(new RemoveLayerCommand(this, index));
}

void NetworkDocument::moveLayer(int from, int to)
{
    if (from < 0 || from >= layerCount())
        return;
    to = qBound(0, to, layerCount() - 1);
    if (from == to)
        return;
    m_undoStack->push(new MoveLayerCommand(this, from, to));
}

void NetworkDocument::duplicateLayer(int index)
{
    if (index < 0 || index >= layerCount())
        return;
    LayerSpec copy = layer(index);
    copy.name = uniqueLayerName(copy.type);
    m_undoStack->push(
        new InsertLayerCommand(this, index + 1, copy, tr("Duplicate %1").arg(layerLabel(index))));
}

void NetworkDocument::editLayer(
    int index, const LayerSpec &layer, const QString &field, const QString &description)
{
    if (index < 0 || index >= layerCount() || layer == this->layer(index))
        return;
    auto *command = new EditLayerCommand(this, index, layer, field);
    if (!description.isEmpty())
        command->setText(description);
    m_undoStack->push(command);
}

void NetworkDocument::editNetwork(const NetworkSpec &network, const QString &description)
{
    if (network == m_network)
        return;
    m_undoStack->push(new EditNetworkCommand(this, network, description));
}

void NetworkDocument::applyInsert(int index, const LayerSpec &layer)
{
    m_network.layers.insert(index, layer);
    revalidate();
    Q_EMIT layerInserted(index);
    Q_EMIT networkChanged();
}

void NetworkDocument::applyRemove(int index)
{
    m_network.layers.removeAt(index);
    revalidate();
    Q_EMIT layerRemoved(index);
    Q_EMIT networkChanged();
}

void NetworkDocument::applyMove(int from, int to)
{
    m_network.layers.move(from, to);
    revalidate();
    Q_EMIT layerMoved(from, to);
    Q_EMIT networkChanged();
}

void NetworkDocument::applyLayer(int index, const LayerSpec &layer)
{
    m_network.layers[index] = layer;
    revalidate();
    Q_EMIT layerChanged(index);
    Q_EMIT networkChanged();
}

void NetworkDocument::applyNetwork(const NetworkSpec &network)
{
    m_network = network;
    revalidate();
    Q_EMIT networkReset();
    Q_EMIT networkChanged();
}

QString NetworkDocument::layerLabel(int index) const
{
    return layerDisplayName(layer(index), index);
}

QString NetworkDocument::uniqueLayerName(LayerType type) const
{
    QSet<QString> taken;
    for (const LayerSpec &l : m_network.layers)
        taken.insert(l.name);
    const QString base = layerTypeName(type);
    for (int n = 1;; ++n) {
        const QString candidate = QStringLiteral("%1_%2").arg(base).arg(n);
        if (!taken.contains(candidate))
            return candidate;
    }
}

void NetworkDocument::revalidate() { m_validation = NetworkValidator::validate(m_network); }

} // namespace qb
