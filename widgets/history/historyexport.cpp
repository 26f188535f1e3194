#include "history/historyexport.h"

#include "history/runspecinfo.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSaveFile>

namespace qb {

namespace {

QString numberField(double value) { return QString::number(value, 'g', QLocale::FloatingPointShortest); }

/// Accuracies and losses are -1 until a run has an epoch: those are empty fields.
QString optionalField(double value) { return value < 0 ? QString() : numberField(value); }

Status writeLines(const QString &path, const QStringList &lines)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(QCoreApplication::translate("qb::HistoryExport", "Cannot write %1: %2")
                                   .arg(path, file.errorString()));
    QByteArray bytes;
    for (const QString &line : lines) {
        bytes += line.toUtf8();
        bytes += '\n';
    }
    if (file.write(bytes) != bytes.size() || !file.commit())
        return Status::failure(QCoreApplication::translate("qb::HistoryExport", "Cannot write %1: %2")
                                   .arg(path, file.errorString()));
    return Status();
}

} // namespace

QString HistoryExport::csvField(const QString &text)
{
    const bool quote = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"'))
        || text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'))
        || (!text.isEmpty() && (text.front().isSpace() || text.back().isSpace()));
    if (!quote)
        return text;
    QString escaped = text;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString HistoryExport::csvLine(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &field : fields)
        quoted.append(csvField(field));
    return quoted.join(QLatin1Char(','));
}

QStringList HistoryExport::runsHeader()
{
    return {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("created"),
        QStringLiteral("finished"), QStringLiteral("status"), QStringLiteral("network"),
        QStringLiteral("dataset"), QStringLiteral("optimizer"), QStringLiteral("learning_rate"),
        QStringLiteral("batch_size"), QStringLiteral("momentum"), QStringLiteral("weight_decay"),
        QStringLiteral("train_limit"), QStringLiteral("test_limit"), QStringLiteral("seed"),
        QStringLiteral("epochs_planned"), QStringLiteral("epochs_done"), QStringLiteral("model_size_kib"),
        QStringLiteral("weight_bits"), QStringLiteral("input_bits"),
        QStringLiteral("final_test_accuracy_fraction"), QStringLiteral("final_test_loss"),
        QStringLiteral("best_test_accuracy_fraction"), QStringLiteral("group_id"), QStringLiteral("tags"),
        QStringLiteral("notes"), QStringLiteral("error")};
}

Status HistoryExport::exportRunsCsv(const QList<RunRecord> &runs, const QString &path)
{
    QStringList lines;
    lines.append(csvLine(runsHeader()));
    for (const RunRecord &run : runs) {
        // The settings come from the run's frozen spec; a spec that does not parse leaves them empty.
        const RunSpecInfo info = RunSpecInfo::fromSpecJson(run.specJson);
        const bool parsed = info.valid;
        const TrainSpec &train = info.spec.train;
        auto setting = [parsed](const QString &text) { return parsed ? text : QString(); };
        lines.append(csvLine({QString::number(run.id), run.name, run.created.toUTC().toString(Qt::ISODate),
            run.finished.isValid() ? run.finished.toUTC().toString(Qt::ISODate) : QString(),
            runStatusName(run.status), run.networkName, run.dataset,
            setting(train.toJson().value(QStringLiteral("optimizer")).toString()),
            setting(numberField(train.learningRate)), setting(QString::number(train.batchSize)),
            setting(numberField(train.momentum)), setting(numberField(train.weightDecay)),
            setting(QString::number(train.trainLimit)), setting(QString::number(train.testLimit)),
            QString::number(run.seed), QString::number(run.epochsPlanned), QString::number(run.epochsDone),
            optionalField(info.modelSizeKiB), RunSpecInfo::bitsText(info.weightBits),
            RunSpecInfo::bitsText(info.inputBits), optionalField(run.finalTestAccuracy),
            optionalField(run.finalTestLoss), optionalField(run.bestTestAccuracy),
            run.groupId >= 0 ? QString::number(run.groupId) : QString(), run.tags.join(QStringLiteral("; ")),
            run.notes, run.error}));
    }
    return writeLines(path, lines);
}

QStringList HistoryExport::epochsHeader()
{
    return {QStringLiteral("run_id"), QStringLiteral("epoch"), QStringLiteral("train_loss"),
        QStringLiteral("train_accuracy_fraction"), QStringLiteral("test_loss"),
        QStringLiteral("test_accuracy_fraction"), QStringLiteral("seconds"), QStringLiteral("samples_per_s")};
}

Status HistoryExport::exportEpochsCsv(qint64 runId, const QList<EpochMetrics> &epochs, const QString &path)
{
    QStringList lines;
    lines.append(csvLine(epochsHeader()));
    for (const EpochMetrics &e : epochs) {
        lines.append(csvLine({QString::number(runId), QString::number(e.epoch), numberField(e.trainLoss),
            numberField(e.trainAccuracy), numberField(e.testLoss), numberField(e.testAccuracy),
            numberField(e.seconds), numberField(e.samplesPerSecond)}));
    }
    return writeLines(path, lines);
}

} // namespace qb
