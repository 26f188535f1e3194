#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into fuzz/corpus/<target>/ (small valid files and
truncated or damaged copies). The run bundle and the experiment JSON come from a real run:
    quantbench-cli train --preset mlp-binary --dataset table.csv --epochs 1 --db DB
    quantbench-cli export --run 1 --format bundle --out run.qbrun --db DB
and, to keep the seed small, the bundle is rewritten without its informational entries (charts,
summaries, which import never reads). Pass that .qbrun as the first argument to refresh those two
seeds; without it they are left as they are."""
import gzip
import json
import pathlib
import random
import struct
import sys
import zipfile

root = pathlib.Path(__file__).resolve().parent
repo = root.parent
corpus = root / "corpus"
rng = random.Random(7)


def put(target, name, data):
    folder = corpus / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def idx_images(count, rows, cols):
    pixels = bytes(rng.randrange(256) if rng.random() < 0.3 else 0 for _ in range(count * rows * cols))
    return struct.pack(">IIII", 0x803, count, rows, cols) + pixels


def idx_labels(count):
    return struct.pack(">II", 0x801, count) + bytes(rng.randrange(10) for _ in range(count))


images = idx_images(3, 28, 28)
labels = idx_labels(3)
small = idx_images(2, 4, 4)
put("idx_raw", "images-3x28x28", images)
put("idx_raw", "labels-3", labels)
put("idx_raw", "images-2x4x4", small)
put("idx_raw", "images-truncated", images[:100])
put("idx_raw", "images-header-only", images[:16])
put("idx_raw", "labels-trailing", labels + b"\x01")
put("idx_raw", "huge-header", struct.pack(">IIII", 0x803, 0xFFFFFFFF, 0xFFFF, 0xFFFF))

# fuzz_idx_gzip: the first byte is the mode (0: gzip the rest; 1: two members split at the next
# byte's share; 2: the rest as it is after the gzip magic), taken modulo 3; bit 7 reads it as labels.
put("idx_gzip", "images-gz", b"\x00" + images)
put("idx_gzip", "labels-gz", b"\x81" + labels)  # 0x81 % 3 == 0: one member
put("idx_gzip", "images-two-members", b"\x01" + small)
put("idx_gzip", "images-raw-stream", b"\x02" + gzip.compress(small, mtime=0)[2:])
put("idx_gzip", "images-raw-truncated", b"\x02" + gzip.compress(images, mtime=0)[2:40])
put("idx_gzip", "trailing-zeros", b"\x00" + small + bytes(4096))

record = lambda label: bytes([label]) + bytes(rng.randrange(256) for _ in range(3072))
batch = record(3) + record(7)
put("cifar", "batch-2", batch)
put("cifar", "batch-1", batch[:3073])
put("cifar", "batch-truncated", batch[:3000])
put("cifar", "bad-label", bytes([10]) + batch[1:3073])

# fuzz_nmnist: N-MNIST .bin files, 5 bytes an event: x, y, polarity (bit 7) with time bits 22..16, then
# time bits 15..0. y == 240 marks a time overflow (+8192 us for every later event). Own generator, so
# the seeds above stay as they were.
nm_rng = random.Random(34)


def nm_event(x, y, p, t):
    return bytes([x, y, (p << 7) | ((t >> 16) & 0x7F), (t >> 8) & 0xFF, t & 0xFF])


def nm_saccade(n):
    out, t, x, y = b"", 0, 17, 17
    for _ in range(n):
        t += nm_rng.randrange(0, 400)
        x = min(33, max(0, x + nm_rng.randrange(-2, 3)))
        y = min(33, max(0, y + nm_rng.randrange(-2, 3)))
        out += nm_event(x, y, nm_rng.randrange(2), t)
    return out


saccade = nm_saccade(300)
put("nmnist", "saccade-300.bin", saccade)
put("nmnist", "overflow-markers.bin",
    nm_event(3, 4, 1, 8000) + bytes([0, 240, 0, 0, 0]) + nm_event(5, 4, 0, 10) + bytes([9, 240, 255, 255, 255])
    + nm_event(33, 33, 1, 0x7FFFFF))
put("nmnist", "partial-event.bin", saccade[:52])
put("nmnist", "off-sensor.bin", nm_event(1, 1, 0, 5) + nm_event(34, 2, 1, 6))
put("nmnist", "time-backwards.bin", nm_event(1, 1, 0, 500) + nm_event(2, 1, 0, 499))
put("nmnist", "only-markers.bin", bytes([0, 240, 0, 0, 0]) * 3)

rows = ["sepal_length,sepal_width,petal_length,petal_width,class"]
for c, name in enumerate(["setosa", "versicolor", "virginica"]):
    for _ in range(6):
        rows.append(",".join(f"{rng.gauss(2 + c, 0.3):.2f}" for _ in range(4)) + "," + name)
put("csv", "iris-like.csv", ("\n".join(rows) + "\n").encode())
put("csv", "semicolon-quoted.csv", b'# a comment\n"a";"b";"label"\n1.5;"2";0\n3;4;1\n5;6;0\n7;8;1\n')
put("csv", "no-header.csv", b"1,2,0\n3,4,1\n5,6,0\n7,8,1\n")
put("csv", "bad-cell.csv", b"x,y,label\n1,nan,0\n2,3,1\n")

for preset in ["mlp-binary", "lab-cnn", "cnn-mnist", "larq-bnn-noisy"]:
    put("network_json", preset + ".json", (repo / "resources/presets" / (preset + ".json")).read_bytes())

if len(sys.argv) > 1:
    bundle = zipfile.ZipFile(sys.argv[1])
    keep = ["manifest.json", "experiment.json", "network.json", "run.json", "epochs.csv", "weights",
            "sweeps.json"]
    manifest = json.loads(bundle.read("manifest.json"))
    manifest["entries"] = keep
    out = corpus / "runbundle"
    out.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out / "mlp-binary-table.qbrun", "w", zipfile.ZIP_DEFLATED) as z:
        for name in keep:
            z.writestr(name, json.dumps(manifest, indent=4).encode() if name == "manifest.json"
                       else bundle.read(name))
    put("experiment_json", "mlp-binary-table.json", bundle.read("experiment.json"))

experiment_path = corpus / "experiment_json" / "mlp-binary-table.json"
if experiment_path.exists():
    experiment = json.loads(experiment_path.read_bytes())
    grid = {"format": "quantbench-grid", "version": 1, "name": "lr x seeds", "seeds": 2,
            "axes": [{"path": "train.learning_rate", "values": [0.01, 0.001]},
                     {"path": "layers[*].kernel_quantizer.frac_bits", "values": [4, 8]}],
            "experiment": experiment}
    put("grid_json", "grid-2x2.json", json.dumps(grid, indent=1).encode())
    grid["axes"] = [{"path": "layers[0].units", "values": [8, 16, 32]}]
    grid["seeds"] = 1
    put("grid_json", "grid-units.json", json.dumps(grid).encode())
    bundle_path = corpus / "runbundle" / "mlp-binary-table.qbrun"
    data = bundle_path.read_bytes()
    put("runbundle", "truncated.qbrun", data[: len(data) // 2])
