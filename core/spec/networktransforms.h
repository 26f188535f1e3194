#pragma once

#include "spec/networkspec.h"

namespace qb {

/// Whole-network rewrites behind the editor's "make a twin" commands. Each returns a new spec and
/// leaves the argument untouched; none of them changes shapes, so a valid network stays valid.

/// The "float baseline" twin: every conv2d/dense layer loses its input quantizer, kernel quantizer,
/// kernel clip and all nonidealities; everything else (shapes, biases, batch norm, pooling, dropout,
/// activations, layer names) stays identical. The name gets the suffix " (float baseline)".
///
/// The structure is kept exactly as it is: a binarized network such as the larq-mnist-bnn preset has
/// no ReLU layers because its sign quantizers are its nonlinearity, so its baseline twin is a stack
/// of conv/dense layers and batch norms without activations (purely linear between the pools).
/// That is deliberate: the twin isolates the effect of quantization alone. Use the cnn-mnist preset
/// for the float network with ReLUs.
NetworkSpec withoutQuantization(const NetworkSpec &network);

/// The binarized twin, in Larq's convention: every conv2d/dense layer after the first one with
/// weights gets input quantizer ste_sign, kernel quantizer ste_sign (both {"clip": 1.0}, as the
/// presets write them) and kernel clip 1.0; the first layer with weights gets only the binary
/// kernel quantizer and the clip, and keeps full-precision input (the image). Nonidealities, biases
/// and all other layers are kept; no activation layers are added or removed.
NetworkSpec binarizeHiddenLayers(const NetworkSpec &network);

/// Adds additive Gaussian weight noise {"model": "weight_noise", "phase": "both", "sigma": sigma,
/// plus the catalogue's defaults of its other parameters} to every conv2d/dense layer. A layer that
/// already has a weight_noise entry keeps it (and its other parameters) with sigma replaced, so the
/// function can be applied repeatedly (a noise sweep) without stacking entries.
NetworkSpec withWeightNoise(const NetworkSpec &network, double sigma);

} // namespace qb
