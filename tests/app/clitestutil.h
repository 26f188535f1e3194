#pragma once
// Helpers of the quantbench-cli tests: run the real executable (path from $QB_CLI, set by ctest)
// and write small IDX datasets.

#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QtEndian>

#include <random>

namespace qbtest {

struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
    /// The JSON objects of stdout, one per line (lines that are not JSON objects skipped).
    QList<QJsonObject> jsonLines() const
    {
        QList<QJsonObject> list;
        for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8());
            if (doc.isObject())
                list << doc.object();
        }
        return list;
    }
};

inline QString cliPath()
{
    return qEnvironmentVariable("QB_CLI");
}

inline CliResult runCli(const QStringList &args, int timeoutMs = 600000)
{
    QProcess p;
    p.start(cliPath(), args);
    CliResult r;
    if (!p.waitForStarted()) {
        r.err = QStringLiteral("could not start ") + cliPath();
        return r;
    }
    p.waitForFinished(timeoutMs);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

inline void appendBigEndian(QByteArray &bytes, quint32 v)
{
    char b[4];
    qToBigEndian(v, b);
    bytes.append(b, 4);
}

/// Writes `prefix`-images-idx3-ubyte and `prefix`-labels-idx1-ubyte (uncompressed MNIST format) of
/// `count` 28x28 images into `dir`: `pixels` holds count*784 bytes, `labels` count bytes.
inline bool writeIdxPair(const QString &dir, const QString &prefix, const QByteArray &pixels,
                         const QByteArray &labels)
{
    const quint32 count = quint32(labels.size());
    QByteArray images, labelFile;
    appendBigEndian(images, 0x803);
    appendBigEndian(images, count);
    appendBigEndian(images, 28);
    appendBigEndian(images, 28);
    images.append(pixels);
    appendBigEndian(labelFile, 0x801);
    appendBigEndian(labelFile, count);
    labelFile.append(labels);
    QFile fi(dir + QLatin1Char('/') + prefix + QStringLiteral("-images-idx3-ubyte"));
    QFile fl(dir + QLatin1Char('/') + prefix + QStringLiteral("-labels-idx1-ubyte"));
    if (!fi.open(QIODevice::WriteOnly) || !fl.open(QIODevice::WriteOnly))
        return false;
    return fi.write(images) == images.size() && fl.write(labelFile) == labelFile.size();
}

/// Writes train/t10k IDX files of `trainCount`/`testCount` 28x28 images in `dir`: class k lights a
/// horizontal band k (learnable), labels cycle 0..9.
inline void writeIdxDataset(const QString &dir, int trainCount, int testCount)
{
    std::mt19937 rng(5);
    std::uniform_int_distribution<int> noise(0, 60);
    auto write = [&](const QString &prefix, int count) {
        QByteArray pixels, labels;
        for (int i = 0; i < count; ++i) {
            const int label = i % 10;
            labels.append(char(label));
            for (int y = 0; y < 28; ++y)
                for (int x = 0; x < 28; ++x)
                    pixels.append(char((y / 3 == label ? 190 : 0) + noise(rng)));
        }
        writeIdxPair(dir, prefix, pixels, labels);
    };
    write(QStringLiteral("train"), trainCount);
    write(QStringLiteral("t10k"), testCount);
}

} // namespace qbtest
