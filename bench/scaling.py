#!/usr/bin/python3
"""How QuantBench's training time and memory grow: runs `quantbench-cli train` over a range of batch
sizes, training-set sizes, network widths and epoch counts on Fashion-MNIST, and cifar10-bnn on
CIFAR-10-sized data, and prints a Markdown table (the README's scaling table comes from it).

Each row is one `train` process: samples/s and seconds come from its --json epoch events (samples/s
of the last epoch, seconds averaged over the epochs), peak memory from the kernel's accounting of that
finished process (getrusage RUSAGE_CHILDREN in a fresh wrapper per run). Runs use a throw-away
history database.

CIFAR-10 cannot be downloaded here, so the CIFAR row writes files of CIFAR-10's binary format and
size (5 x 10,000 training and 10,000 test records of 1 label byte + 3,072 pixel bytes, random
content) into a temporary folder: memory depends on the sizes, not on the pixel values; the accuracy
of that run means nothing and is not printed.

Usage: bench/scaling.py [--cli build/app/quantbench-cli] [--quick]
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# Runs its arguments as a child and prints that child's peak RSS (KiB) on stderr's last line: a fresh
# wrapper per run, because RUSAGE_CHILDREN's max RSS is the largest of all children so far.
PEAK_WRAPPER = ("import resource, subprocess, sys; code = subprocess.call(sys.argv[1:]); "
                "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(code)")


def run_train(cli, args, workdir):
    """Runs one `train --json` process; returns (its epoch events, its peak RSS in MiB)."""
    db = os.path.join(workdir, "scaling.sqlite")
    proc = subprocess.run([sys.executable, "-c", PEAK_WRAPPER, cli, "train", "--json", "--db", db] + args,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit("quantbench-cli train %s failed: %s" % (" ".join(args), proc.stderr.strip()))
    epochs = [json.loads(line) for line in proc.stdout.splitlines() if '"event":"epoch"' in line]
    peak_kib = int(proc.stderr.strip().splitlines()[-1])
    return epochs, peak_kib / 1024.0


def widened(preset_path, factor, out_path):
    """larq-mnist-bnn with every conv's filters and the hidden dense layer's units times `factor`."""
    with open(preset_path) as f:
        net = json.load(f)
    dense = [l for l in net["layers"] if l["type"] == "dense"]
    for layer in net["layers"]:
        if layer["type"] == "conv2d":
            layer["filters"] = max(1, int(round(layer["filters"] * factor)))
        elif layer["type"] == "dense" and layer is not dense[-1]:
            layer["units"] = max(1, int(round(layer["units"] * factor)))
    net["name"] = "larq-mnist-bnn x%g" % factor
    with open(out_path, "w") as f:
        json.dump(net, f)


def write_fake_cifar(folder):
    for name in ["data_batch_%d.bin" % i for i in range(1, 6)] + ["test_batch.bin"]:
        with open(os.path.join(folder, name), "wb") as f:
            records = bytearray(os.urandom(10000 * 3073))
            for r in range(10000):
                records[r * 3073] %= 10  # a valid label
            f.write(records)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", default=os.path.join(ROOT, "build", "app", "quantbench-cli"))
    parser.add_argument("--quick", action="store_true", help="fewer rows (a smoke run)")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as work:
        base = ["--preset", "larq-mnist-bnn", "--dataset", "fashion-mnist", "--epochs", "1", "--test-limit", "2000"]

        def fashion(label, extra, quantity="samples/s"):
            epochs, peak = run_train(args.cli, base + extra, work)
            per_epoch = sum(e["seconds"] for e in epochs) / len(epochs)
            rows.append((label, "%.0f" % epochs[-1]["samples_per_s"], "%.1f" % per_epoch, "%.0f" % peak))

        limit = "3200" if args.quick else "12800"
        for batch in ([64, 256] if args.quick else [32, 64, 128, 256]):
            fashion("batch %d, %s images" % (batch, limit), ["--batch-size", str(batch), "--train-limit", limit])
        for images in ([3200, 6400] if args.quick else [6400, 12800, 25600, 60000]):
            fashion("%d training images, batch 64" % images, ["--train-limit", str(images)])
        for epochs in ([1, 2] if args.quick else [1, 4]):
            fashion("%d epoch(s), %s images (memory across epochs)" % (epochs, limit),
                    ["--train-limit", limit, "--epochs", str(epochs)])
        preset = os.path.join(ROOT, "resources", "presets", "larq-mnist-bnn.json")
        for factor in ([0.5, 1] if args.quick else [0.5, 1, 2]):
            path = os.path.join(work, "width-%g.json" % factor)
            widened(preset, factor, path)
            epochs, peak = run_train(args.cli, ["--network", path, "--dataset", "fashion-mnist", "--epochs", "1",
                                                      "--test-limit", "2000", "--train-limit", limit], work)
            rows.append(("width x%g (filters 32/64/64 and dense 64 scaled), %s images" % (factor, limit),
                         "%.0f" % epochs[-1]["samples_per_s"], "%.1f" % epochs[-1]["seconds"], "%.0f" % peak))
        cifar = os.path.join(work, "cifar10")
        os.makedirs(cifar)
        write_fake_cifar(cifar)
        cifar_limit = "256" if args.quick else "1024"
        epochs, peak = run_train(args.cli, ["--preset", "cifar10-bnn", "--dataset", "cifar10", "--data-dir", cifar,
                                                  "--epochs", "1", "--train-limit", cifar_limit, "--test-limit", "500"],
                                       work)
        rows.append(("cifar10-bnn on CIFAR-10-sized data (all 60,000 images loaded; %s trained)" % cifar_limit,
                     "%.0f" % epochs[-1]["samples_per_s"], "%.1f" % epochs[-1]["seconds"], "%.0f" % peak))
    print("| run (1 epoch unless said) | samples/s | seconds per epoch | peak RSS, MiB |")
    print("|---|---|---|---|")
    for r in rows:
        print("| %s | %s | %s | %s |" % r)


if __name__ == "__main__":
    main()
