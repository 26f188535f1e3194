"""IDX files (the MNIST / Fashion-MNIST format, plain or gzipped) for the bench/ reference scripts.

Imported by bench/pytorch_reference.py and bench/snn_reference.py, which find it next to themselves
(Python puts a script's own folder first on sys.path).
"""
import gzip
import os
import struct
import sys

import numpy as np


def read_idx(path):
    """Images (magic 0x803) as uint8 [count, 1, rows, cols]; labels (magic 0x801) as int64 [count]."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    magic, count = struct.unpack(">II", data[:8])
    if magic == 0x803:
        rows, cols = struct.unpack(">II", data[8:16])
        return np.frombuffer(data, dtype=np.uint8, offset=16).reshape(count, 1, rows, cols).copy()
    if magic == 0x801:
        return np.frombuffer(data, dtype=np.uint8, offset=8).astype(np.int64)
    raise ValueError(f"{path}: not an IDX file (magic {magic:#x})")


def find(folder, stem):
    """folder/stem, or folder/stem.gz; FileNotFoundError when neither exists."""
    for name in (stem, stem + ".gz"):
        path = os.path.join(folder, name)
        if os.path.exists(path):
            return path
    raise FileNotFoundError(f"{folder}: no {stem}[.gz]")


def load_splits(folder):
    """(train_x, train_y, test_x, test_y) from the four standard file names in folder. Raises OSError
    (a file missing or unreadable) or ValueError (not IDX)."""
    return (read_idx(find(folder, "train-images-idx3-ubyte")),
            read_idx(find(folder, "train-labels-idx1-ubyte")),
            read_idx(find(folder, "t10k-images-idx3-ubyte")),
            read_idx(find(folder, "t10k-labels-idx1-ubyte")))


def load_limited(folder, train_limit, test_limit, program):
    """load_splits, cut to the first train_limit / test_limit images (0: all); None after printing
    the reason on stderr when the files cannot be read."""
    try:
        train_x, train_y, test_x, test_y = load_splits(folder)
    except (OSError, ValueError) as e:
        print(f"{program}: {e}", file=sys.stderr)
        return None
    if train_limit:
        train_x, train_y = train_x[:train_limit], train_y[:train_limit]
    if test_limit:
        test_x, test_y = test_x[:test_limit], test_y[:test_limit]
    return train_x, train_y, test_x, test_y
