#pragma once

#include <QWidget>

class QGroupBox;
class QLabel;

namespace qb {

class LayerPropertiesForm;
class NetworkDocument;
class NetworkPropertiesForm;
class NeuronPropertiesForm;
class NonidealityListEditor;
class QuantizerEditor;
class SpikingPropertiesForm;

/// The property editor of the selected layer (or of the network itself when none is selected):
/// the layer's own settings, the input and kernel quantizers and the hardware nonidealities of a
/// conv/dense layer, and the validator's problems with this layer, updated as you type.
///
/// Every change goes through NetworkDocument::editLayer() with a stable field per control
/// ("units", "kernel_quantizer", "kernel_quantizer.clip", "nonidealities[1].sigma", ...), so the
/// keystrokes of one spin box or a drag merge into one undo step; network properties go through
/// editNetwork(). The inspector follows the document (undo, redo, edits elsewhere) without
/// re-emitting edits and without rebuilding its controls, so the focused control keeps focus.
/// It also keeps pointing at the same layer when layers are inserted, removed or moved.
class LayerInspector : public QWidget
{
    Q_OBJECT
public:
    explicit LayerInspector(NetworkDocument *document, QWidget *parent = nullptr);

    int currentLayer() const { return m_index; }
    /// The problems shown for the current layer (or the network), one per line; empty when valid.
    QString validationText() const;

    LayerPropertiesForm *propertiesForm() const { return m_layerForm; }
    NetworkPropertiesForm *networkForm() const { return m_networkForm; }
    /// The time settings of a spiking network (shown with the network's properties).
    SpikingPropertiesForm *spikingForm() const { return m_spikingForm; }
    /// The neurons of a leaky or synaptic layer.
    NeuronPropertiesForm *neuronForm() const { return m_neuronForm; }
    QuantizerEditor *inputQuantizerEditor() const { return m_inputQuantizer; }
    QuantizerEditor *kernelQuantizerEditor() const { return m_kernelQuantizer; }
    NonidealityListEditor *nonidealityEditor() const { return m_nonidealities; }

public Q_SLOTS:
    /// Shows layer `index`; -1 (or any index out of range) shows the network's own properties.
    void setCurrentLayer(int index);

Q_SIGNALS:
    /// The inspected layer changed: by setCurrentLayer(), or because layers were inserted,
    /// removed or moved in front of it.
    void currentLayerChanged(int index);

private:
    void refresh();
    void showIssues();
    void changeIndex(int index);
    QString automaticName(int index) const;
    void onLayerInserted(int index);
    void onLayerRemoved(int index);
    void onLayerMoved(int from, int to);

    NetworkDocument *m_document;
    int m_index = -1;
    QLabel *m_title;
    QLabel *m_validation;
    NetworkPropertiesForm *m_networkForm;
    SpikingPropertiesForm *m_spikingForm;
    LayerPropertiesForm *m_layerForm;
    QGroupBox *m_neuronGroup;
    NeuronPropertiesForm *m_neuronForm;
    QGroupBox *m_quantizerGroup;
    QuantizerEditor *m_inputQuantizer;
    QuantizerEditor *m_kernelQuantizer;
    QGroupBox *m_noiseGroup;
    NonidealityListEditor *m_nonidealities;
};

} // namespace qb
