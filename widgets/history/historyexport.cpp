#include "history/historyexport.h"

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

Status HistoryExport::exportRunsCsv(const QList<RunRecord> &runs, const QString &path)
{
    QStringList lines;
    lines.append(csvLine({QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("created"),
        QStringLiteral("finished"), QStringLiteral("status"), QStringLiteral("network"),
        QStringLiteral("dataset"), QStringLiteral("seed"), QStringLiteral("epochs_planned"),
        QStringLiteral("epochs_done"), QStringLiteral("final_test_accuracy"),
        QStringLiteral("final_test_loss"), QStringLiteral("best_test_accuracy"), QStringLiteral("group_id"),
        QStringLiteral("tags"), QStringLiteral("notes"), QStringLiteral("error")}));
    for (const RunRecord &run : runs) {
        lines.append(csvLine({QString::number(run.id), run.name, run.created.toUTC().toString(Qt::ISODate),
            run.finished.isValid() ? run.finished.toUTC().toString(Qt::ISODate) : QString(),
            runStatusName(run.status), run.networkName, run.dataset, QString::number(run.seed),
            QString::number(run.epochsPlanned), QString::number(run.epochsDone),
            optionalField(run.finalTestAccuracy), optionalField(run.finalTestLoss),
            optionalField(run.bestTestAccuracy), run.groupId >= 0 ? QString::number(run.groupId) : QString(),
            run.tags.join(QStringLiteral("; ")), run.notes, run.error}));
    }
    return writeLines(path, lines);
}

Status HistoryExport::exportEpochsCsv(const QList<EpochMetrics> &epochs, const QString &path)
{
    QStringList lines;
    lines.append(csvLine({QStringLiteral("epoch"), QStringLiteral("train_loss"),
        QStringLiteral("train_accuracy"), QStringLiteral("test_loss"), QStringLiteral("test_accuracy"),
        QStringLiteral("seconds"), QStringLiteral("samples_per_s")}));
    for (const EpochMetrics &e : epochs) {
        lines.append(csvLine({QString::number(e.epoch), numberField(e.trainLoss),
            numberField(e.trainAccuracy), numberField(e.testLoss), numberField(e.testAccuracy),
            numberField(e.seconds), numberField(e.samplesPerSecond)}));
    }
    return writeLines(path, lines);
}

} // namespace qb
