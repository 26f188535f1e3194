#!/usr/bin/python3
"""The PyTorch eager reference for `quantbench-cli bench`: trains QuantBench's larq-mnist-bnn preset
the way a hand-written notebook would (Debian's python3-torch, same threads, same batch size, same
data), so one run on one machine gives the speed ratio the README reports.

The network and training match the preset: binary (ste_sign, clip 1) weights everywhere, binary
inputs after the first layer, latent weights clipped to [-1, 1] after each step, BatchNorm without
scale (momentum 0.1 in PyTorch's convention = 0.9 in Keras's, epsilon 1e-3), no biases, Adam
(lr 1e-3), cross-entropy on the logits, inputs scaled to [-1, 1].

Prints one JSON object: {"samples_per_s": ..., "seconds": ..., "samples": ..., "test_acc": ..., ...}.
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.dont_write_bytecode = True  # no bench/__pycache__ in the source tree
from idx import load_limited  # noqa: E402  (bench/idx.py, next to this script)


class SteSign(torch.autograd.Function):
    """sign with sign(0) = +1; straight-through gradient where |x| <= 1 (Larq's ste_sign)."""

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return torch.where(x >= 0, torch.ones_like(x), -torch.ones_like(x))

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad * (x.abs() <= 1).to(grad.dtype)


class QuantConv(nn.Conv2d):
    def __init__(self, cin, cout, binary_input):
        super().__init__(cin, cout, 3, bias=False)
        self.binary_input = binary_input

    def forward(self, x):
        if self.binary_input:
            x = SteSign.apply(x)
        return F.conv2d(x, SteSign.apply(self.weight))


class QuantDense(nn.Linear):
    def forward(self, x):
        return F.linear(SteSign.apply(x), SteSign.apply(self.weight))


def bn(channels, dims):
    layer = (nn.BatchNorm2d if dims == 2 else nn.BatchNorm1d)(channels, eps=1e-3, momentum=0.1)
    layer.weight.requires_grad_(False)  # scale=False: gamma fixed at 1
    return layer


def larq_mnist_bnn():
    return nn.Sequential(
        QuantConv(1, 32, False), nn.MaxPool2d(2), bn(32, 2),
        QuantConv(32, 64, True), nn.MaxPool2d(2), bn(64, 2),
        QuantConv(64, 64, True), bn(64, 2),
        nn.Flatten(),
        QuantDense(64 * 3 * 3, 64, bias=False), bn(64, 1),
        QuantDense(64, 10, bias=False), bn(10, 1))


def to_input(images):
    return torch.from_numpy(images).float().div_(127.5).sub_(1.0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--train-limit", type=int, default=0, help="first N training images (0: all)")
    parser.add_argument("--test-limit", type=int, default=0)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    splits = load_limited(args.data_dir, args.train_limit, args.test_limit, "pytorch_reference")
    if splits is None:
        return 2
    train_x, train_y, test_x, test_y = splits

    model = larq_mnist_bnn()
    optimizer = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=1e-3)
    latent = [m.weight for m in model if isinstance(m, (QuantConv, QuantDense))]
    samples, start = 0, time.perf_counter()
    for _ in range(args.epochs):
        model.train()
        order = rng.permutation(len(train_x))
        for b in range(0, len(order), args.batch_size):
            idx = order[b:b + args.batch_size]
            x, y = to_input(train_x[idx]), torch.from_numpy(train_y[idx])
            loss = F.cross_entropy(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            with torch.no_grad():
                for w in latent:
                    w.clamp_(-1.0, 1.0)
            samples += len(idx)
    seconds = time.perf_counter() - start

    model.eval()
    correct = 0
    with torch.no_grad():
        for b in range(0, len(test_x), 250):
            logits = model(to_input(test_x[b:b + 250]))
            correct += int((logits.argmax(1) == torch.from_numpy(test_y[b:b + 250])).sum())
    print(json.dumps({"framework": f"pytorch {torch.__version__} eager", "threads": args.threads,
                      "batch_size": args.batch_size, "samples": samples, "seconds": round(seconds, 3),
                      "samples_per_s": round(samples / seconds, 1),
                      "test_acc": round(correct / len(test_x), 4)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
