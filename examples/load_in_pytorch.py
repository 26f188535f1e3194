#!/usr/bin/env python3
"""Run a network trained in QuantBench with plain PyTorch (torch.nn), from its exported weights.

    load_in_pytorch.py MODEL.pt IMAGES.idx[.gz] [--labels LABELS.idx[.gz]] [--limit N]
                       [--logits-out LOGITS.npy]

MODEL is a file written by QuantBench's tensor export: .pt (read with torch.load), or the same
tensors as .npz or .safetensors. IMAGES is an IDX file of uint8 images (the MNIST format:
N x H x W, or N x C x H x W), optionally gzip-compressed. The script prints the accuracy when
labels are given, else one predicted class per image; --logits-out saves the network's outputs
(float32, [images, classes]) for comparison with QuantBench's own.

How the network is rebuilt (the same computation QuantBench's evaluation does):
  * the architecture comes from the network JSON stored in the file's metadata;
  * weights are the *effective* ones (the kernel quantizer already applied). Binary and ternary
    weights are stored as int8 codes {-1, 0, +1}, with a float32 per-output-channel
    "weight_scale" when the scale is not 1: weight = codes * scale, exactly;
  * input encoding: x = float32(pixel) * scale + offset, in float32;
  * convolutions pad like TensorFlow's "same" (an odd total puts the extra row / column at the
    bottom / right), batch norm uses its running statistics and its own epsilon, dense layers
    take the CHW-flattened feature maps, softmax is left out (the outputs are logits);
  * input quantizers act as in evaluation: the sign family is sign(x) with sign(0) = +1;
  * a spiking network (leaky / synaptic layers) runs step by step over its time steps with
    snnTorch 0.9.4's equations and the neuron values in effect (learned ones included), every
    layer recomputed at every step; its outputs are the output spike counts (direct and latency
    encodings; rate encoding draws random spikes and is refused).
Simulated hardware nonidealities are never exported: a run trained or evaluated with them is
reproduced here as ideal hardware (the script says so).

Needs torch 1.13 or newer (torch.load(weights_only=True)) and numpy (Debian: python3-torch,
python3-numpy).
"""

import argparse
import gzip
import json
import struct
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class Unsupported(Exception):
    """A network feature this example does not reproduce (the message says which and why)."""


# ---------------------------------------------------------------------------------------------
# Reading the files
# ---------------------------------------------------------------------------------------------

def load_tensors(path):
    """The file's tensors (name -> torch.Tensor) and its metadata (str -> str)."""
    if path.endswith(".npz"):
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(str(z["__metadata__"]))
            tensors = {k: torch.from_numpy(z[k].copy()) for k in z.files if k != "__metadata__"}
        return tensors, meta
    if path.endswith(".safetensors"):
        # The format is simple enough to read by hand: 8-byte little-endian header length, a JSON
        # header {name: {dtype, shape, data_offsets}, "__metadata__": {...}}, then the data.
        with open(path, "rb") as f:
            data = f.read()
        n = struct.unpack("<Q", data[:8])[0]
        header = json.loads(data[8:8 + n])
        meta = header.pop("__metadata__")
        dtypes = {"F32": np.dtype("<f4"), "I8": np.dtype("i1")}
        tensors = {}
        for name, e in header.items():
            begin, end = e["data_offsets"]
            a = np.frombuffer(data[8 + n + begin:8 + n + end], dtype=dtypes[e["dtype"]])
            tensors[name] = torch.from_numpy(a.reshape(e["shape"]).copy())
        return tensors, meta
    # .pt: a dict {name: tensor, "__metadata__": JSON text}; it holds nothing but tensors and
    # strings, so the safe loader (weights_only=True) reads it.
    d = torch.load(path, map_location="cpu", weights_only=True)
    meta = json.loads(d.pop("__metadata__"))
    return d, meta


def read_idx(path):
    """An IDX file (MNIST format) as a numpy array; gzip-compressed files are recognized."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    zero, dtype_code, ndim = struct.unpack(">HBB", data[:4])
    if zero != 0 or dtype_code != 0x08:
        raise SystemExit(f"{path}: not an IDX file of unsigned bytes")
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    count = int(np.prod(dims))
    return np.frombuffer(data, dtype=np.uint8, count=count, offset=4 + 4 * ndim).reshape(dims)


# ---------------------------------------------------------------------------------------------
# Input quantizers, in evaluation mode (core/quant/*.cpp: same operations in the same order, so
# the float32 results are the same)
# ---------------------------------------------------------------------------------------------

def sign_zero_positive(x):
    """sign(x) with sign(0) = +1 (torch.sign would give 0): exactly +1 or -1."""
    return x.ge(0).to(x.dtype).mul(2).sub(1)


def stochastic_rounding(spec):
    return spec.get("rounding") == "stochastic"


def make_input_quantizer(spec, params, where):
    """A function x -> quantized x for the quantizer JSON `spec` ({"name": ..., parameters}),
    `params` the layer's stored input_quantizer_params (LSQ's step) or None."""
    if spec is None:
        return lambda x: x
    name = spec["name"]
    if name in ("ste_sign", "approx_sign", "swish_sign", "reste"):
        return sign_zero_positive
    if name == "stochastic_binary":
        if spec.get("stochastic_eval", False):
            raise Unsupported(f"{where}: stochastic_binary with stochastic_eval draws random bits at "
                              "evaluation; the outputs cannot be reproduced")
        return sign_zero_positive
    if name == "ste_heaviside":
        return lambda x: x.gt(0).to(x.dtype)
    if name == "ste_tern":
        t = spec.get("threshold", 0.05)
        return lambda x: x.gt(t).to(x.dtype) - x.lt(-t).to(x.dtype)
    if name == "dorefa" and spec.get("mode", "activations") == "activations":
        levels = 2.0 ** int(spec.get("bits", 2.0)) - 1.0
        return lambda x: x.clamp(0.0, 1.0).mul(levels).round().div(levels)
    if name == "fixed_point" and not stochastic_rounding(spec):
        word, frac = int(spec.get("word_bits", 8)), int(spec.get("frac_bits", 4))
        scale = 2.0 ** frac
        if spec.get("signed", True):
            lo, hi = -(2.0 ** (word - 1)), 2.0 ** (word - 1) - 1.0
        else:
            lo, hi = 0.0, 2.0 ** word - 1.0
        floor = spec.get("rounding", "nearest") == "floor"
        wrap = spec.get("overflow", "saturate") == "wrap"

        def fixed_point(x):
            r = x * scale
            r = r.floor() if floor else r.round()
            r = torch.remainder(r - lo, hi - lo + 1.0) + lo if wrap else r.clamp(lo, hi)
            return r / scale
        return fixed_point
    if name == "uniform" and not stochastic_rounding(spec):
        levels = 2.0 ** int(spec.get("bits", 8.0)) - 1.0
        lo, hi = spec.get("min", -1.0), spec.get("max", 1.0)
        s = levels / (hi - lo)
        return lambda x: ((x.clamp(lo, hi) - lo) * s).round().div(s).add(lo)
    if name == "lsq":
        bits = int(spec.get("bits", 4.0))
        if spec.get("signed", True):
            qn, qp = 2.0 ** (bits - 1), 2.0 ** (bits - 1) - 1.0
        else:
            qn, qp = 0.0, 2.0 ** bits - 1.0
        if params is None or params.numel() != 1:
            raise Unsupported(f"{where}: the file holds no LSQ step size for this layer")
        step = params.reshape(()).clamp_min(1e-8)
        return lambda x: (x / step).clamp(-qn, qp).round() * step
    raise Unsupported(f"{where}: input quantizer '{name}' with {spec} is not reproduced by this example "
                      "(dorefa in weights mode takes its scale from the whole batch, stochastic rounding "
                      "draws random numbers)")


# ---------------------------------------------------------------------------------------------
# Layers
# ---------------------------------------------------------------------------------------------

class QuantConv2d(nn.Module):
    """Larq's QuantConv2D in evaluation: quantize the input, convolve with the effective weights.
    `padding` is (top, bottom, left, right); TensorFlow's "same" may be asymmetric, which
    F.conv2d cannot express, so the input is then padded with zeros first."""

    def __init__(self, weight, bias, stride, padding, input_quantizer):
        super().__init__()
        self.register_buffer("weight", weight)
        self.register_buffer("bias", bias)
        self.stride = stride
        self.padding = padding
        self.input_quantizer = input_quantizer

    def forward(self, x):
        x = self.input_quantizer(x)
        top, bottom, left, right = self.padding
        if top == bottom and left == right:
            return F.conv2d(x, self.weight, self.bias, self.stride, (top, left))
        x = F.pad(x, (left, right, top, bottom))
        return F.conv2d(x, self.weight, self.bias, self.stride)


class QuantDense(nn.Module):
    """Larq's QuantDense in evaluation: quantize the input, then x @ weight.T + bias."""

    def __init__(self, weight, bias, input_quantizer):
        super().__init__()
        self.register_buffer("weight", weight)
        self.register_buffer("bias", bias)
        self.input_quantizer = input_quantizer

    def forward(self, x):
        return F.linear(self.input_quantizer(x), self.weight, self.bias)


class BatchNormEval(nn.Module):
    """nn.BatchNorm1d/2d in eval mode, with gamma and beta each optional as in Keras
    (scale=False / center=False) and the layer's own epsilon (Keras' default is 1e-3)."""

    def __init__(self, gamma, beta, mean, var, eps):
        super().__init__()
        for name, t in (("gamma", gamma), ("beta", beta), ("running_mean", mean), ("running_var", var)):
            self.register_buffer(name, t)
        self.eps = eps

    def forward(self, x):
        return F.batch_norm(x, self.running_mean, self.running_var, self.gamma, self.beta,
                            training=False, eps=self.eps)


class SpikingNeurons(nn.Module):
    """A leaky or synaptic layer, one time step per call; reset_state() before a new sequence."""

    def __init__(self, neuron, synaptic):
        super().__init__()
        f32 = lambda v: torch.tensor(v, dtype=torch.float32)
        self.beta = f32(min(max(neuron.get("beta", 0.95), 0.0), 1.0))
        self.alpha = f32(min(max(neuron.get("alpha", 0.9), 0.0), 1.0))
        self.threshold = f32(neuron.get("threshold", 1.0))
        self.reset = neuron.get("reset", "subtract")
        self.reset_delay = neuron.get("reset_delay", True)
        self.synaptic = synaptic
        self.quant = neuron.get("state_quant")
        self.reset_state()

    def reset_state(self):
        self.mem = None
        self.syn = None

    def quantize(self, u):
        t = self.quant.get("threshold", 1.0)
        lo, hi = -t * (1 + self.quant.get("lower_limit", 0.0)), t * (1 + self.quant.get("upper_limit", 0.2))
        levels = 2.0 ** self.quant.get("bits", 8)
        step = (hi - lo) / (levels - 1)
        return ((u - lo) / step).round().clamp(0, levels - 1) * step + lo

    def forward(self, current):
        if self.mem is None:
            self.mem = torch.zeros_like(current)
            self.syn = torch.zeros_like(current)
        b, th, mem = self.beta, self.threshold, self.mem
        r = (mem - th > 0).to(current.dtype)  # the reset decided by the previous membrane
        if self.synaptic:
            self.syn = self.alpha * self.syn + current
            drive = self.syn
            mem = {"subtract": lambda: b * mem + drive - r * th, "zero": lambda: (1 - r) * (b * mem + drive),
                   "none": lambda: b * mem + drive}[self.reset]()
        else:
            mem = {"subtract": lambda: b * mem + current - r * th, "zero": lambda: b * ((1 - r) * mem) + current,
                   "none": lambda: b * mem + current}[self.reset]()
        if self.quant:
            mem = self.quantize(mem)
            if self.synaptic:
                self.syn = self.quantize(self.syn)
        s = (mem - th > 0).to(current.dtype)
        if not self.reset_delay:
            if self.reset == "subtract":
                mem = mem - (s - r) * th
            elif self.reset == "zero":
                mem = mem - (s - r) * mem
        self.mem = mem
        return s


class SpikingNetwork(nn.Module):
    """The layers run once per time step on the encoded input; the output spikes are counted."""

    def __init__(self, layers, spiking):
        super().__init__()
        self.layers = nn.ModuleList(layers)
        self.spiking = spiking
        self.steps = spiking.get("time_steps", 25)
        encoding = spiking.get("encoding", "direct")
        if encoding not in ("direct", "latency"):
            raise Unsupported(f"the '{encoding}' input encoding is not reproduced by this example "
                              "(rate draws random spikes; events need event frames)")

    def latency_steps(self, x):
        s, steps = self.spiking, self.steps
        tau, th, eps = s.get("tau", 1.0), s.get("latency_threshold", 0.01), 1e-7
        if not s.get("linear", False):
            xc = x.clamp_min(th + eps)
            times = tau * torch.log(xc / (xc - th))
            if s.get("normalize", False):
                times = times * float(steps - 1) / (tau * float(np.log((th + eps) / eps)))
        else:
            tau = float(steps - 1) if s.get("normalize", False) else tau
            times = (-tau * (x - 1.0)).clamp_max(-tau * (th - 1.0))
        return times.clamp_max(float(steps - 1)).round()

    def forward(self, x):
        for m in self.layers:
            if isinstance(m, SpikingNeurons):
                m.reset_state()
        latency = self.latency_steps(x) if self.spiking.get("encoding") == "latency" else None
        counts = 0
        for t in range(self.steps):
            h = x
            if latency is not None:
                h = (latency == t).to(x.dtype)
                if self.spiking.get("clip", False):
                    h = h * (x >= self.spiking.get("latency_threshold", 0.01)).to(x.dtype)
            for m in self.layers:
                h = m(h)
            counts = counts + h
        return counts


def same_padding(size, kernel, stride):
    """TensorFlow's "same": the output has ceil(size / stride) positions; the total padding is
    split with the extra one after (bottom / right)."""
    out = (size + stride - 1) // stride
    total = max((out - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2


def effective_weight(tensors, names):
    """The effective weights: int8 codes times the per-output-channel scale, or float32 as stored."""
    w = tensors[names["weight"]]
    if w.dtype == torch.int8:
        w = w.to(torch.float32)
        if "weight_scale" in names:
            scale = tensors[names["weight_scale"]]
            w = w * scale.reshape([-1] + [1] * (w.dim() - 1))  # exact: codes are -1, 0, +1
    return w


def build_model(tensors, meta):
    """nn.Sequential rebuilt from the network JSON and the tensors (shapes tracked to size the
    "same" paddings)."""
    network = json.loads(meta["network"])
    records = json.loads(meta["layers"])  # per layer: its tensor names (and QuantBench's padding)
    inp = network["input"]
    shape = [inp["channels"], inp["height"], inp["width"]] if "channels" in inp else [inp["features"]]
    modules = []
    for i, (layer, record) in enumerate(zip(network["layers"], records)):
        kind = layer["type"]
        where = f"layer {i + 1} ({kind})"
        names = record["tensors"]
        get = lambda role: tensors[names[role]] if role in names else None
        if kind == "conv2d":
            kh, kw = layer.get("kernel", [3, 3])
            sh, sw = layer.get("stride", [1, 1])
            padding = layer.get("padding", "valid")
            if padding == "same":
                pad = same_padding(shape[1], kh, sh) + same_padding(shape[2], kw, sw)
            elif padding == "valid":
                pad = (0, 0, 0, 0)
            else:
                pad = (padding,) * 4
            if "padding" in record and tuple(record["padding"]) != pad:
                raise Unsupported(f"{where}: padding {pad} differs from QuantBench's {record['padding']}")
            quantizer = make_input_quantizer(layer.get("input_quantizer"), get("input_quantizer_params"), where)
            modules.append(QuantConv2d(effective_weight(tensors, names), get("bias"), (sh, sw), pad, quantizer))
            shape = [layer.get("filters", 32),
                     (shape[1] + pad[0] + pad[1] - kh) // sh + 1,
                     (shape[2] + pad[2] + pad[3] - kw) // sw + 1]
        elif kind == "dense":
            quantizer = make_input_quantizer(layer.get("input_quantizer"), get("input_quantizer_params"), where)
            modules.append(QuantDense(effective_weight(tensors, names), get("bias"), quantizer))
            shape = [layer.get("units", 10)]
        elif kind == "batchnorm":
            modules.append(BatchNormEval(get("gamma"), get("beta"), get("running_mean"), get("running_var"),
                                         layer.get("epsilon", 1e-3)))
        elif kind in ("maxpool", "avgpool"):
            ph, pw = layer.get("pool", [2, 2])
            sh, sw = layer.get("stride", [0, 0])
            stride = (sh or ph, sw or pw)  # 0: the pool size
            padding = layer.get("padding", "valid")
            p = 0 if padding == "valid" else padding
            if kind == "maxpool":
                modules.append(nn.MaxPool2d((ph, pw), stride, p))
            else:
                modules.append(nn.AvgPool2d((ph, pw), stride, p, ceil_mode=False, count_include_pad=False))
            shape = [shape[0], (shape[1] + 2 * p - ph) // stride[0] + 1, (shape[2] + 2 * p - pw) // stride[1] + 1]
        elif kind == "flatten":
            modules.append(nn.Flatten(1))
            shape = [int(np.prod(shape))]
        elif kind == "dropout":
            modules.append(nn.Identity())  # evaluation: no dropout
        elif kind == "activation":
            function = layer.get("function", "relu")
            modules.append({"relu": nn.ReLU(), "hardtanh": nn.Hardtanh(), "tanh": nn.Tanh(),
                            # softmax is applied for predictions only: the network outputs logits
                            "softmax": nn.Identity(), "none": nn.Identity()}[function])
        elif kind in ("leaky", "synaptic"):
            # the record holds the values in effect (learned ones), the network JSON the settings
            modules.append(SpikingNeurons(record.get("neuron", layer), kind == "synaptic"))
        else:
            raise Unsupported(f"{where}: unknown layer type")
    if any(isinstance(m, SpikingNeurons) for m in modules):
        return SpikingNetwork(modules, network.get("spiking", {})).eval()
    return nn.Sequential(*modules).eval()


def warn_about_differences(meta):
    """What QuantBench computes that this ideal reproduction does not."""
    if meta.get("nonidealities_in_run") == "true":
        print("note: the run simulates hardware nonidealities; they are not exported, so this is the "
              "ideal network (QuantBench's own evaluation applies them)", file=sys.stderr)
    for i, layer in enumerate(json.loads(meta["network"])["layers"]):
        q = layer.get("kernel_quantizer")
        if q and (stochastic_rounding(q) or (q["name"] == "stochastic_binary" and q.get("stochastic_eval"))):
            print(f"note: layer {i + 1}'s kernel quantizer draws random numbers at every evaluation; the "
                  "file holds one draw", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model", help="QuantBench tensor export (.pt, .npz or .safetensors)")
    parser.add_argument("images", help="IDX file of uint8 images (optionally .gz)")
    parser.add_argument("--labels", help="IDX file of labels: prints the accuracy")
    parser.add_argument("--limit", type=int, default=0, help="only the first N images (0: all)")
    parser.add_argument("--logits-out", help="save the logits, float32 [images, classes], as .npy")
    parser.add_argument("--batch-size", type=int, default=256)
    args = parser.parse_args()

    tensors, meta = load_tensors(args.model)
    if meta.get("format") != "quantbench-tensors":
        raise SystemExit(f"{args.model}: not a QuantBench tensor export")
    encoding = json.loads(meta["input_encoding"])
    if encoding["kind"] != "image":
        raise SystemExit("this example reads images; for a tabular network standardize each feature as "
                         "the metadata's input_encoding says and call the model yourself")
    try:
        model = build_model(tensors, meta)
    except Unsupported as e:
        raise SystemExit(f"cannot rebuild the network: {e}")
    warn_about_differences(meta)

    images = read_idx(args.images)
    if images.ndim == 3:
        images = images[:, None, :, :]  # N x H x W: one channel
    if args.limit > 0:
        images = images[:args.limit]
    expected = json.loads(meta["input_shape"])
    if list(images.shape[1:]) != expected:
        raise SystemExit(f"{args.images}: images of {list(images.shape[1:])}, the network takes {expected}")

    # The input encoding, exactly as QuantBench's batcher: float32(pixel) * scale, then + offset,
    # each rounded to float32.
    scale = torch.tensor(encoding["scale"], dtype=torch.float32)
    offset = torch.tensor(encoding["offset"], dtype=torch.float32)
    logits = []
    with torch.no_grad():
        for start in range(0, len(images), args.batch_size):
            x = torch.from_numpy(images[start:start + args.batch_size].astype(np.float32))
            x = x * scale
            x = x + offset
            logits.append(model(x))
    logits = torch.cat(logits) if logits else torch.zeros((0, int(meta["classes"])))
    predictions = logits.argmax(dim=1).numpy()

    if args.logits_out:
        np.save(args.logits_out, logits.numpy().astype(np.float32))
    if args.labels:
        labels = read_idx(args.labels)[:len(predictions)]
        correct = int((predictions == labels).sum())
        print(f"accuracy {correct / max(len(labels), 1):.4f} ({correct}/{len(labels)})")
    else:
        names = json.loads(meta.get("class_names", "[]"))
        for i, p in enumerate(predictions):
            print(i, p, names[p] if p < len(names) else "")


if __name__ == "__main__":
    main()
