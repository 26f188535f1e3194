#pragma once

#include "spec/networkspec.h"

#include <QDialog>

class QLabel;
class QRadioButton;

namespace qb {

class CompactDoubleSpinBox;
class NetworkDocument;

/// Chooses one whole-network rewrite (core/spec/networktransforms.h): binarize the hidden
/// layers, add weight noise of a given sigma to every conv/dense layer, or strip all quantizers
/// and nonidealities. The dialog only chooses; applyBatchEdit() performs the choice on a document
/// as one undo step. Given the network (setNetwork()), it previews how many layers change.
class BatchApplyDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Action { BinarizeHiddenLayers, AddWeightNoise, RemoveQuantization };
    Q_ENUM(Action)

    explicit BatchApplyDialog(QWidget *parent = nullptr);

    Action action() const;
    void setAction(Action action);
    /// Standard deviation of the weight noise (relative to max|W| of each layer).
    double sigma() const;
    void setSigma(double sigma);

    /// The network the choice would apply to, for the preview line; optional.
    void setNetwork(const NetworkSpec &network);
    /// The preview line ("Changes 5 of 18 layers."); empty without a network.
    QString previewText() const;

    /// `network` rewritten by `action`.
    static NetworkSpec transformed(const NetworkSpec &network, Action action, double sigma);
    /// The undo-history text of `action` ("Binarize hidden layers").
    static QString actionDescription(Action action, double sigma);

private:
    void updateState();

    QRadioButton *m_binarize;
    QRadioButton *m_noise;
    QRadioButton *m_strip;
    CompactDoubleSpinBox *m_sigma;
    QLabel *m_preview;
    NetworkSpec m_network;
    bool m_hasNetwork = false;
};

/// Applies `action` to the document's network as one undoable editNetwork() step (nothing when
/// the network would not change).
void applyBatchEdit(NetworkDocument *document, BatchApplyDialog::Action action, double sigma);

} // namespace qb
