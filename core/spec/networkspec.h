#pragma once

#include "spec/layerspec.h"
#include "spec/spikingspec.h"
#include "spec/tensorshape.h"
#include "util/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace qb {

/// A network: the input shape and the layer stack. Files carry
/// {"format": "quantbench-network", "version": 1, "name", "description", "input": {"channels",
/// "height", "width"}, "layers": [...]}. The output of the last layer is the class scores; a final
/// softmax activation is applied for predictions only (the loss takes logits, so softmax is
/// never applied twice).
struct NetworkSpec
{
    static constexpr int kFormatVersion = 1;

    QString name;
    QString description;
    TensorShape input = TensorShape::image(1, 28, 28);
    QList<LayerSpec> layers;
    /// JSON "adapt_to_dataset": the input size and the class count come from the dataset the network
    /// is trained on (as a Keras model infers its input shape): a flat input takes the number of
    /// features, an image input the image shape, and a final dense layer the number of classes.
    /// For presets meant for several datasets (mlp-binary: MNIST or a small table).
    bool adaptToDataset = false;
    /// JSON "spiking": time steps, input encoding and readout of a network with leaky or synaptic
    /// layers (written when the network has one, or when it differs from the defaults).
    SpikingSpec spiking;
    /// JSON "training": training settings the network was published with (a partial TrainSpec
    /// object, e.g. {"optimizer": "adam", "learning_rate": 5e-4, "batch_size": 128}); an
    /// experiment made from the network starts from them, and explicit options override them.
    QJsonObject trainingDefaults;

    /// True when some layer is leaky or synaptic: the network then runs over spiking.timeSteps.
    bool isSpiking() const;

    /// This network with input and output sized for samples of `sampleShape` and `numClasses`
    /// classes when adaptToDataset is set; unchanged otherwise.
    NetworkSpec adaptedTo(const TensorShape &sampleShape, int numClasses) const;

    QJsonObject toJson() const;
    /// Parses and checks the structure (types, known keys and values). Errors name the layer
    /// index and field ("layer 3 (dense): field 'units' must be a positive integer").
    /// Shape problems are left to NetworkValidator.
    static Result<NetworkSpec> fromJson(const QJsonObject &json);
    static Result<NetworkSpec> fromFile(const QString &path);
    Status saveToFile(const QString &path) const;

    friend bool operator==(const NetworkSpec &a, const NetworkSpec &b);
    friend bool operator!=(const NetworkSpec &a, const NetworkSpec &b) { return !(a == b); }
};

} // namespace qb
