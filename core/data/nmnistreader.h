#pragma once

#include "data/dataset.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace qb {

/// Reads N-MNIST (Orchard et al. 2015, the saccade recordings of MNIST on a 34x34 ATIS sensor) as
/// its published archives and Tonic lay it out: `<root>/Train/<digit>/*.bin` and
/// `<root>/Test/<digit>/*.bin`, the digit folder ("0" ... "9") being the label.
///
/// One .bin file is one sample: 5 bytes per event, x = byte 0, y = byte 1, polarity = bit 7 of
/// byte 2 (1 = ON), time in microseconds = the low 23 bits of bytes 2..4 read big-endian.
/// Overflow rule, as Tonic's tonic/io.py read_mnist_file (neuromorphs/tonic, checked at commit
/// d0cb6df, 2025-02): an event whose y is 240 is a time-stamp overflow marker; Tonic adds 2^13
/// (8192) to the time of the marker and of every event after it (`all_ts[overflow_index:] +=
/// 2**13`) and then drops every event with y == 240, so each marker adds 8192 us to all later
/// events. The marker's x, polarity and time bits are ignored.
///
/// Checks Tonic does not make, so that a damaged or foreign file is refused instead of read as noise:
/// the size must be a whole number of events, every other event must lie on the 34x34 sensor, the
/// times (after the overflow rule) must not decrease, and they must fit in 32 bits. Every error names
/// the file and, for an event, its byte offset. An empty file (or one holding only markers) is a
/// sample without events, as in Tonic.
///
/// Hostile input: a file over kMaxFileBytes is refused before anything is allocated for it (real
/// N-MNIST files hold a few thousand events, some tens of KB); a split is sized from the file sizes
/// listed before any file is read.
///
/// Static functions only; no torch. Thread-agnostic (no shared state).
class NmnistReader
{
    Q_DECLARE_TR_FUNCTIONS(qb::NmnistReader)

public:
    static constexpr int kSensorSize = 34; ///< width = height of the sensor
    static constexpr int kPolarities = 2; ///< channels: 0 = OFF, 1 = ON
    static constexpr int kNumClasses = 10;
    static constexpr int kEventBytes = 5;
    static constexpr int kOverflowY = 240; ///< y of a time-stamp overflow marker
    static constexpr std::uint32_t kOverflowIncrementUs = 8192; ///< 2^13 us per marker
    static constexpr qint64 kMaxFileBytes = 4ll * 1024 * 1024; ///< 838,860 events
    static constexpr int kMaxFilesPerSplit = 1000000;

    /// Parses the bytes of one .bin file; `name` (a path or a file name) is what messages call it.
    static Result<std::vector<DvsEvent>> parseEvents(
        const std::uint8_t *data, qint64 size, const QString &name);
    /// Reads and parses one .bin file.
    static Result<std::vector<DvsEvent>> readFile(const QString &path);
    /// The samples of one split folder, as listSplit() finds them.
    struct SplitFiles
    {
        QStringList paths;                ///< digit 0's files by name, then digit 1's, ...
        std::vector<std::uint8_t> labels; ///< one per path: its digit folder
        qint64 totalBytes = 0;            ///< the files' sizes together
    };
    /// The .bin files of one split folder (`<folder>/0` ... `<folder>/9`; names ending in ".bin", case
    /// as published, hidden files left out), sorted by name within a digit, digits in order. Refuses,
    /// from the listing alone (nothing is read): a missing or empty digit folder (named), a file over
    /// kMaxFileBytes (named), more than kMaxFilesPerSplit files, or more than 4 GiB together.
    static Result<SplitFiles> listSplit(const QString &folder);
    /// Reads one split folder (`<root>/Train` or `<root>/Test`) into an event split: count samples,
    /// channels 2, height = width = 34, labels from the digit folders.
    static Result<DatasetSplit> readSplit(const QString &folder);
};

} // namespace qb
