#!/usr/bin/python3
"""The PyTorch eager reference for `quantbench-cli bench` on spiking networks (snnTorch tutorial 5).

Runs snnTorch tutorial 5 the way its users run it, with snnTorch 0.9.4's neuron and surrogate formulas
written out in plain PyTorch (snnTorch itself is not needed).

Network: fc1 = Linear(784, 1000), lif1 = Leaky(beta 0.95), fc2 = Linear(1000, 10), lif2 = Leaky(beta
0.95), with Leaky's defaults (threshold 1, reset by subtraction, reset_delay on, atan surrogate with
alpha 2). Direct input over --steps time steps (25): every step recomputes fc1(x), as the tutorial
does. Loss: the sum over the steps of cross-entropy on the output membrane; Adam (lr 5e-4, betas 0.9,
0.999); batch 128; inputs are pixels / 255 (the tutorial's ToTensor + Normalize((0,), (1,))). Like
the tutorial's DataLoader (shuffle, drop_last), each epoch visits the training set in a fresh random
order and leaves out the last incomplete batch. Accuracy: argmax over the classes of the output
spike counts; all test images are scored (the tutorial's test loader also drops its last batch).

Only the training loop is timed. Prints one JSON object:
{"samples_per_s": ..., "seconds": ..., "samples": ..., "test_acc": ..., "train_loss": ..., ...}.

--check-formulas prints, instead, the neuron's membrane and spike sequences for a tiny fixed input
and the surrogate gradients at a few points (float64), to be compared with the C++ golden tests.
"""
import argparse
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn

sys.dont_write_bytecode = True  # no bench/__pycache__ in the source tree
from idx import load_limited  # noqa: E402  (bench/idx.py, next to this script)


# Surrogate spike functions (snntorch.surrogate, 0.9.4): forward is the strict Heaviside step
# H(x) = 1 where x > 0, else 0; backward replaces its derivative, x being U - threshold.

SURROGATE_GRADIENTS = {  # name: (d/dx of the spike, snnTorch's default parameter a / k)
    "atan": (lambda x, a: (a / 2) / (1 + (math.pi / 2 * a * x) ** 2), 2.0),  # peak 1 at x = 0 for a = 2
    "fast_sigmoid": (lambda x, k: 1 / (1 + k * x.abs()) ** 2, 25.0),
    "sigmoid": (lambda x, k: k * torch.exp(-k * x) / (1 + torch.exp(-k * x)) ** 2, 25.0),
}


class Spike(torch.autograd.Function):
    """H(x) forward; backward the named surrogate's derivative at x."""

    @staticmethod
    def forward(ctx, x, name, param):
        ctx.save_for_backward(x)
        ctx.name, ctx.param = name, param
        return (x > 0).to(x.dtype)

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        derivative = SURROGATE_GRADIENTS[ctx.name][0]
        return grad * derivative(x, ctx.param), None, None


class Leaky(nn.Module):
    """snntorch.Leaky (0.9.4) without state_quant, inhibition or learnable parameters; forward(I, U)
    returns (S, U) like snnTorch's. Per step, R = H(U_prev - threshold) detached, then
      subtract: U = clamp(beta, 0, 1) U_prev + I - R threshold
      zero:     U = clamp(beta, 0, 1) (1 - R) U_prev + I
      none:     U = clamp(beta, 0, 1) U_prev + I
    and S = surrogate(U - threshold). With reset_delay off, U then also loses (S - R) threshold
    (subtract) or (S - R) U (zero), not detached."""

    def __init__(self, beta, threshold=1.0, reset_mechanism="subtract", reset_delay=True,
                 surrogate="atan", surrogate_param=None):
        super().__init__()
        if reset_mechanism not in ("subtract", "zero", "none"):
            raise ValueError(f"reset_mechanism {reset_mechanism!r}")
        self.register_buffer("beta", torch.as_tensor(beta, dtype=torch.get_default_dtype()))
        self.threshold = threshold
        self.reset_mechanism = reset_mechanism
        self.reset_delay = reset_delay
        self.surrogate = surrogate
        self.surrogate_param = SURROGATE_GRADIENTS[surrogate][1] if surrogate_param is None else surrogate_param

    def spike(self, x):
        return Spike.apply(x, self.surrogate, self.surrogate_param)

    def init_leaky(self):
        """The starting membrane: zero (snnTorch broadcasts its zero to the first input's shape)."""
        return torch.zeros(())

    def forward(self, input_, mem):
        if mem.shape != input_.shape:
            mem = torch.zeros_like(input_)
        reset = self.spike(mem - self.threshold).detach()
        beta = self.beta.clamp(0, 1)
        if self.reset_mechanism == "subtract":
            mem = beta * mem + input_ - reset * self.threshold
        elif self.reset_mechanism == "zero":
            mem = beta * ((1 - reset) * mem) + input_
        else:
            mem = beta * mem + input_
        spk = self.spike(mem - self.threshold)
        if not self.reset_delay:
            do_reset = spk - reset
            if self.reset_mechanism == "subtract":
                mem = mem - do_reset * self.threshold
            elif self.reset_mechanism == "zero":
                mem = mem - do_reset * mem
        return spk, mem


class Net(nn.Module):
    """Tutorial 5's network."""

    def __init__(self, num_inputs=784, num_hidden=1000, num_outputs=10, beta=0.95, num_steps=25):
        super().__init__()
        self.num_steps = num_steps
        self.fc1 = nn.Linear(num_inputs, num_hidden)
        self.lif1 = Leaky(beta=beta)
        self.fc2 = nn.Linear(num_hidden, num_outputs)
        self.lif2 = Leaky(beta=beta)

    def forward(self, x):
        mem1 = self.lif1.init_leaky()
        mem2 = self.lif2.init_leaky()
        spk2_rec, mem2_rec = [], []
        for _ in range(self.num_steps):
            cur1 = self.fc1(x)
            spk1, mem1 = self.lif1(cur1, mem1)
            cur2 = self.fc2(spk1)
            spk2, mem2 = self.lif2(cur2, mem2)
            spk2_rec.append(spk2)
            mem2_rec.append(mem2)
        return torch.stack(spk2_rec, dim=0), torch.stack(mem2_rec, dim=0)


def to_input(images):
    """uint8 [N, 1, 28, 28] -> float [N, 784] in [0, 1]."""
    return torch.from_numpy(images).reshape(len(images), -1).float().div_(255.0)


def fmt(values):
    return "[" + ", ".join(f"{float(v):.8g}" for v in values) + "]"


def check_formulas():
    """Deterministic printout of the neuron and surrogate formulas on a tiny input, in float64."""
    torch.set_default_dtype(torch.float64)
    beta, threshold = 0.9, 1.0
    inputs = [0.5, 0.7, 0.2, 0.9]
    print("# snn_reference.py --check-formulas: snnTorch 0.9.4's Leaky and surrogates, float64")
    print(f"# Leaky: beta={beta} threshold={threshold} surrogate=atan(alpha=2) U0=0 "
          f"inputs I[t]={fmt(inputs)}")
    print("# R[t] = H(U[t-1] - threshold) (detached; reset=none computes it but does not use it),")
    print("# S[t] = H(U[t] - threshold), U[t] = the membrane returned at step t (after any reset);")
    print("# dsumS/dI[t] = gradient of sum_t S[t] with respect to I[t] through the atan surrogate (BPTT)")
    for reset_delay in (True, False):
        for mechanism in ("subtract", "zero", "none"):
            lif = Leaky(beta, threshold, mechanism, reset_delay)
            current = torch.tensor(inputs, requires_grad=True)
            mem = lif.init_leaky()
            resets, mems, spks = [], [], []
            for t in range(len(inputs)):
                resets.append(float(mem > threshold))
                spk, mem = lif(current[t:t + 1], mem)
                mems.append(mem)
                spks.append(spk)
            torch.stack(spks).sum().backward()
            print(f"reset={mechanism} reset_delay={str(reset_delay).lower()}")
            print(f"  R       = {fmt(resets)}")
            print(f"  U       = {fmt(torch.cat(mems).tolist())}")
            print(f"  S       = {fmt(torch.cat(spks).tolist())}")
            print(f"  dsumS/dI= {fmt(current.grad.tolist())}")
    xs = [-1.0, -0.5, -0.1, -0.01, 0.0, 0.01, 0.1, 0.5, 1.0]
    print("# surrogates at x = U - threshold: forward H(x) (strict, x > 0) and d/dx for an incoming "
          "gradient of 1")
    print(f"x                       = {fmt(xs)}")
    for name, (_, param) in SURROGATE_GRADIENTS.items():
        x = torch.tensor(xs, requires_grad=True)
        out = Spike.apply(x, name, param)
        out.sum().backward()
        label = f"{name}({'alpha' if name == 'atan' else 'k'}={param:g})"
        print(f"{label + ' H':<24}= {fmt(out.tolist())}")
        print(f"{label + ' grad':<24}= {fmt(x.grad.tolist())}")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default="/usr/share/datasets/fashion-mnist",
                        help="folder with the four (Fashion-)MNIST IDX files, .gz or not")
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--train-limit", type=int, default=0, help="first N training images (0: all)")
    parser.add_argument("--test-limit", type=int, default=0, help="first N test images (0: all)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--steps", type=int, default=25, help="time steps per sample")
    parser.add_argument("--lr", type=float, default=5e-4)
    parser.add_argument("--check-formulas", action="store_true",
                        help="print the neuron/surrogate formula check and exit (no data, no training)")
    args = parser.parse_args()
    if args.check_formulas:
        return check_formulas()
    if args.steps < 1 or args.batch_size < 1 or args.epochs < 1 or args.threads < 1:
        parser.error("--steps, --batch-size, --epochs and --threads take positive numbers")

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    splits = load_limited(args.data_dir, args.train_limit, args.test_limit, "snn_reference")
    if splits is None:
        return 2
    train_x, train_y, test_x, test_y = splits
    full_batches = len(train_x) // args.batch_size
    if full_batches == 0:
        print(f"snn_reference: {len(train_x)} training images make no batch of {args.batch_size}",
              file=sys.stderr)
        return 2

    net = Net(num_inputs=train_x[0].size, num_steps=args.steps)
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(net.parameters(), lr=args.lr, betas=(0.9, 0.999))
    samples, losses, start = 0, [], time.perf_counter()
    for _ in range(args.epochs):
        net.train()
        order = rng.permutation(len(train_x))
        for b in range(full_batches):  # drop_last=True
            idx = order[b * args.batch_size:(b + 1) * args.batch_size]
            x, y = to_input(train_x[idx]), torch.from_numpy(train_y[idx])
            _, mem_rec = net(x)
            loss_val = torch.zeros(1)
            for step in range(args.steps):
                loss_val += loss_fn(mem_rec[step], y)
            optimizer.zero_grad()
            loss_val.backward()
            optimizer.step()
            losses.append(loss_val.item())
            samples += len(idx)
    seconds = time.perf_counter() - start

    net.eval()
    correct = 0
    with torch.no_grad():
        for b in range(0, len(test_x), args.batch_size):
            spk_rec, _ = net(to_input(test_x[b:b + args.batch_size]))
            predicted = spk_rec.sum(0).argmax(1)
            correct += int((predicted == torch.from_numpy(test_y[b:b + args.batch_size])).sum())
    print(json.dumps({"framework": f"pytorch {torch.__version__} eager, snnTorch 0.9.4 formulas",
                      "model": "snntorch-tutorial5 784-1000-10 leaky beta 0.95",
                      "torch_version": torch.__version__, "threads": args.threads,
                      "batch_size": args.batch_size, "steps": args.steps, "epochs": args.epochs,
                      "lr": args.lr, "seed": args.seed, "samples": samples,
                      "dropped_per_epoch": len(train_x) - full_batches * args.batch_size,
                      "seconds": round(seconds, 3), "samples_per_s": round(samples / seconds, 1),
                      "train_loss": round(sum(losses) / len(losses), 4),
                      "last_loss": round(losses[-1], 4),
                      "test_samples": len(test_x), "test_acc": round(correct / len(test_x), 4)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
