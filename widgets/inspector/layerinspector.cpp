#include "inspector/layerinspector.h"

#include "common/issuetext.h"
#include "document/networkdocument.h"
#include "editor/layerstyle.h"
#include "inspector/issuehighlight.h"
#include "inspector/layerpropertiesform.h"
#include "inspector/networkpropertiesform.h"
#include "inspector/neuronpropertiesform.h"
#include "inspector/nonidealitylisteditor.h"
#include "inspector/quantizereditor.h"
#include "inspector/spikingpropertiesform.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QMap>
#include <QRegularExpression>
#include <QScrollArea>
#include <QVBoxLayout>

namespace qb {

LayerInspector::LayerInspector(NetworkDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_title(new QLabel(this))
    , m_validation(new QLabel(this))
    , m_networkForm(new NetworkPropertiesForm)
    , m_spikingForm(new SpikingPropertiesForm)
    , m_layerForm(new LayerPropertiesForm)
    , m_neuronGroup(new QGroupBox(tr("Neurons")))
    , m_neuronForm(new NeuronPropertiesForm)
    , m_quantizerGroup(new QGroupBox(tr("Quantization")))
    , m_inputQuantizer(new QuantizerEditor(InputRole, QStringLiteral("input_quantizer")))
    , m_kernelQuantizer(new QuantizerEditor(KernelRole, QStringLiteral("kernel_quantizer")))
    , m_noiseGroup(new QGroupBox(tr("Hardware nonidealities")))
    , m_nonidealities(new NonidealityListEditor)
{
    m_title->setObjectName(QStringLiteral("inspectorTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_validation->setObjectName(QStringLiteral("validation"));
    m_validation->setWordWrap(true);
    m_validation->setTextFormat(Qt::PlainText);
    m_validation->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_validation->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_inputQuantizer->setObjectName(QStringLiteral("inputQuantizer"));
    m_kernelQuantizer->setObjectName(QStringLiteral("kernelQuantizer"));
    m_nonidealities->setObjectName(QStringLiteral("nonidealities"));
    m_quantizerGroup->setToolTip(richToolTip(
        tr("A quantized layer (Larq's QuantConv2D / QuantDense) quantizes its inputs and its weights "
           "before multiplying them. Training keeps float 'latent' weights; the quantizer's gradient "
           "estimator decides how the gradient passes through.")));
    auto *quantizerForm = new QFormLayout(m_quantizerGroup);
    auto *inputLabel = new QLabel(tr("Inputs"));
    inputLabel->setToolTip(m_inputQuantizer->comboBox()->toolTip());
    auto *kernelLabel = new QLabel(tr("Weights"));
    kernelLabel->setToolTip(m_kernelQuantizer->comboBox()->toolTip());
    quantizerForm->addRow(inputLabel, m_inputQuantizer);
    quantizerForm->addRow(kernelLabel, m_kernelQuantizer);
    m_noiseGroup->setToolTip(richToolTip(
        tr("Effects of analog or emerging-memory hardware simulated on this layer: noise, variation, "
           "limited precision, faults and drift. They act in list order.")));
    auto *noiseLayout = new QVBoxLayout(m_noiseGroup);
    noiseLayout->addWidget(m_nonidealities);
    m_neuronGroup->setObjectName(QStringLiteral("neuronGroup"));
    auto *neuronLayout = new QVBoxLayout(m_neuronGroup);
    neuronLayout->addWidget(m_neuronForm);

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(m_networkForm);
    contentLayout->addWidget(m_spikingForm);
    contentLayout->addWidget(m_layerForm);
    contentLayout->addWidget(m_neuronGroup);
    contentLayout->addWidget(m_quantizerGroup);
    contentLayout->addWidget(m_noiseGroup);
    contentLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    // The problems go below the form: shown or hidden while the user types, a label above the
    // scroll area would push the whole form (and the field being edited) up and down.
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_validation);

    connect(m_layerForm, &LayerPropertiesForm::layerEdited, this,
        [this](
            const LayerSpec &layer, const QString &field) { m_document->editLayer(m_index, layer, field); });
    auto quantizerEdited = [this](bool kernel) {
        return [this, kernel](const QuantizerSpec &spec, const QString &field) {
            if (m_index < 0 || m_index >= m_document->layerCount())
                return;
            LayerSpec layer = m_document->layer(m_index);
            (kernel ? layer.kernelQuantizer : layer.inputQuantizer) = spec;
            m_document->editLayer(m_index, layer, field);
        };
    };
    connect(m_inputQuantizer, &QuantizerEditor::quantizerEdited, this, quantizerEdited(false));
    connect(m_kernelQuantizer, &QuantizerEditor::quantizerEdited, this, quantizerEdited(true));
    connect(m_nonidealities, &NonidealityListEditor::nonidealitiesEdited, this,
        [this](const QList<NoiseSpec> &specs, const QString &field) {
            if (m_index < 0 || m_index >= m_document->layerCount())
                return;
            LayerSpec layer = m_document->layer(m_index);
            layer.nonidealities = specs;
            m_document->editLayer(m_index, layer, field);
        });
    connect(m_networkForm, &NetworkPropertiesForm::networkEdited, this,
        [this](const NetworkSpec &edited, const QString &description) {
            // Take the layers from the document: only the network's own properties change here.
            NetworkSpec next = m_document->network();
            next.name = edited.name;
            next.description = edited.description;
            next.input = edited.input;
            next.adaptToDataset = edited.adaptToDataset;
            m_document->editNetwork(next, description);
        });

    connect(m_neuronForm, &NeuronPropertiesForm::neuronEdited, this,
        [this](const NeuronSpec &neuron, const QString &field) {
            if (m_index < 0 || m_index >= m_document->layerCount())
                return;
            LayerSpec layer = m_document->layer(m_index);
            layer.neuron = neuron;
            m_document->editLayer(m_index, layer, field);
        });
    connect(m_spikingForm, &SpikingPropertiesForm::spikingEdited, this,
        [this](const SpikingSpec &spiking, const QString &description) {
            NetworkSpec next = m_document->network();
            next.spiking = spiking;
            m_document->editNetwork(next, description);
        });

    connect(m_document, &NetworkDocument::networkChanged, this, &LayerInspector::refresh);
    connect(m_document, &NetworkDocument::layerInserted, this, &LayerInspector::onLayerInserted);
    connect(m_document, &NetworkDocument::layerRemoved, this, &LayerInspector::onLayerRemoved);
    connect(m_document, &NetworkDocument::layerMoved, this, &LayerInspector::onLayerMoved);
    connect(m_document, &NetworkDocument::networkReset, this, [this]() {
        if (m_index >= m_document->layerCount())
            changeIndex(-1);
    });
    refresh();
}

void LayerInspector::setCurrentLayer(int index)
{
    if (index < 0 || index >= m_document->layerCount())
        index = -1;
    if (index == m_index)
        return;
    changeIndex(index);
    refresh();
}

void LayerInspector::changeIndex(int index)
{
    if (index == m_index)
        return;
    m_index = index;
    Q_EMIT currentLayerChanged(m_index);
}

void LayerInspector::onLayerInserted(int index)
{
    if (m_index >= index)
        changeIndex(m_index + 1);
}

void LayerInspector::onLayerRemoved(int index)
{
    if (index == m_index)
        changeIndex(-1);
    else if (index < m_index)
        changeIndex(m_index - 1);
}

void LayerInspector::onLayerMoved(int from, int to)
{
    if (m_index == from)
        changeIndex(to);
    else if (from < m_index && m_index <= to)
        changeIndex(m_index - 1);
    else if (to <= m_index && m_index < from)
        changeIndex(m_index + 1);
}

QString LayerInspector::automaticName(int index) const
{
    // The same rule as the model summary: "dense" for the first dense layer, then "dense_1", ...
    const LayerType type = m_document->layer(index).type;
    int n = 0;
    for (int i = 0; i < index; ++i) {
        if (m_document->layer(i).type == type)
            ++n;
    }
    const QString base = layerTypeName(type);
    return n == 0 ? base : QStringLiteral("%1_%2").arg(base).arg(n);
}

void LayerInspector::refresh()
{
    if (m_index >= m_document->layerCount())
        m_index = -1;
    const bool network = m_index < 0;
    m_networkForm->setVisible(network);
    m_spikingForm->setVisible(network && m_document->network().isSpiking());
    m_layerForm->setVisible(!network);
    if (network) {
        m_title->setText(tr("Network %1").arg(m_document->displayName()));
        m_networkForm->setNetwork(m_document->network());
        m_spikingForm->setSpiking(m_document->network().spiking);
        m_quantizerGroup->hide();
        m_noiseGroup->hide();
        m_neuronGroup->hide();
    } else {
        const LayerSpec &layer = m_document->layer(m_index);
        // Named as on the canvas block: the Larq type ("QuantConv2D"), then the name if it has one.
        const QString type = LayerStyle::displayType(layer);
        m_title->setText(layer.name.isEmpty()
                ? tr("Layer %1: %2").arg(m_index + 1).arg(type)
                : tr("Layer %1: %2 “%3”").arg(m_index + 1).arg(type, layer.name));
        m_layerForm->setLayer(layer, automaticName(m_index));
        const QVector<TensorShape> &shapes = m_document->validation().outputShapes;
        const TensorShape input = m_index == 0 ? m_document->network().input : shapes.value(m_index - 1);
        m_layerForm->setShapes(input, shapes.value(m_index));
        m_quantizerGroup->setVisible(layer.hasWeights());
        m_noiseGroup->setVisible(layer.hasWeights());
        m_neuronGroup->setVisible(layer.isSpiking());
        if (layer.isSpiking())
            m_neuronForm->setLayer(layer);
        if (layer.hasWeights()) {
            m_inputQuantizer->setSpec(layer.inputQuantizer);
            m_kernelQuantizer->setSpec(layer.kernelQuantizer);
            m_nonidealities->setNonidealities(layer.nonidealities);
        }
    }
    showIssues();
}

void LayerInspector::showIssues()
{
    const QList<ValidationIssue> issues = m_document->issuesOf(m_index);
    QStringList lines;
    for (const ValidationIssue &issue : issues)
        lines << IssueText::line(issue);
    m_validation->setText(lines.join(QLatin1Char('\n')));
    m_validation->setVisible(!lines.isEmpty());

    if (m_index < 0) {
        m_networkForm->setIssues(issues);
        m_spikingForm->setIssues(issues);
        return;
    }
    m_layerForm->setIssues(issues);
    m_neuronForm->setIssues(issues);
    QString inputProblem;
    QString kernelProblem;
    QMap<int, QString> noiseProblems;
    static const QRegularExpression noiseField(QStringLiteral("^nonidealities\\[(\\d+)\\]$"));
    for (const ValidationIssue &issue : issues) {
        if (issue.field == QLatin1String("input_quantizer"))
            inputProblem = issue.message;
        else if (issue.field == QLatin1String("kernel_quantizer"))
            kernelProblem = issue.message;
        const QRegularExpressionMatch match = noiseField.match(issue.field);
        if (match.hasMatch())
            noiseProblems.insert(match.captured(1).toInt() - 1, issue.message);
    }
    m_inputQuantizer->setIssue(inputProblem);
    m_kernelQuantizer->setIssue(kernelProblem);
    m_nonidealities->setIssues(noiseProblems);
}

QString LayerInspector::validationText() const { return m_validation->text(); }

} // namespace qb
