#pragma once

// Test data for the history views: runs written straight into an ExperimentStore (no training).

#include "spec/experimentspec.h"
#include "spec/presetlibrary.h"
#include "store/experimentstore.h"

#include <QJsonDocument>
#include <QtTest>

namespace qb::testdata {

inline ExperimentSpec presetSpec(const QString &preset = QStringLiteral("cnn-mnist"))
{
    ExperimentSpec spec;
    auto network = PresetLibrary::load(preset);
    if (!network)
        qFatal("cannot load preset %s: %s", qPrintable(preset), qPrintable(network.error()));
    spec.network = *network;
    spec.name = preset;
    spec.dataset = QStringLiteral("mnist");
    return spec;
}

struct RunOptions
{
    QString name;
    ExperimentSpec spec = presetSpec();
    QList<double> testAccuracies; ///< one epoch each
    RunStatus status = RunStatus::Finished;
    qint64 groupId = -1;
    QStringList tags;
    QString notes;
    int epochsPlanned = 6;
};

/// Creates a run with its epochs and final status; fails the test (returns -1) on a store error.
inline qint64 addRun(ExperimentStore &store, const RunOptions &options)
{
    RunRecord run;
    run.name = options.name;
    run.specJson = QString::fromUtf8(QJsonDocument(options.spec.toJson()).toJson(QJsonDocument::Compact));
    run.networkName = options.spec.network.name;
    run.dataset = options.spec.dataset;
    run.seed = options.spec.train.seed;
    run.epochsPlanned = options.epochsPlanned;
    run.tags = options.tags;
    run.notes = options.notes;
    const auto id = store.createRun(run);
    if (!id) {
        qWarning("createRun: %s", qPrintable(id.error()));
        return -1;
    }
    int epoch = 0;
    for (double accuracy : options.testAccuracies) {
        EpochMetrics m;
        m.epoch = ++epoch;
        m.trainLoss = 1.0 / epoch;
        m.trainAccuracy = accuracy + 0.01;
        m.testLoss = 1.2 / epoch;
        m.testAccuracy = accuracy;
        m.seconds = 1.5;
        m.samplesPerSecond = 1000.0 + epoch;
        if (const Status s = store.addEpoch(*id, m); !s) {
            qWarning("addEpoch: %s", qPrintable(s.error()));
            return -1;
        }
    }
    if (options.status != RunStatus::Running) {
        if (const Status s = store.finishRun(*id, options.status); !s) {
            qWarning("finishRun: %s", qPrintable(s.error()));
            return -1;
        }
    }
    if (options.groupId >= 0 || options.groupId == -2) {
        // -2: this run starts a group of its own
        const qint64 group = options.groupId == -2 ? *id : options.groupId;
        if (const Status s = store.setGroup(*id, group); !s) {
            qWarning("setGroup: %s", qPrintable(s.error()));
            return -1;
        }
    }
    return *id;
}

inline qint64 addRun(ExperimentStore &store, const QString &name, const QList<double> &accuracies,
    RunStatus status = RunStatus::Finished)
{
    RunOptions options;
    options.name = name;
    options.testAccuracies = accuracies;
    options.status = status;
    return addRun(store, options);
}

/// A minimal RFC 4180 reader for checking exported CSV files.
inline QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
            fieldStarted = true;
        } else if (c == QLatin1Char(',')) {
            row.append(field);
            field.clear();
            fieldStarted = true;
        } else if (c == QLatin1Char('\n')) {
            row.append(field);
            rows.append(row);
            row.clear();
            field.clear();
            fieldStarted = false;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (fieldStarted || !row.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}

} // namespace qb::testdata
