// quantbench-cli weights: the latent (trained float) and effective (quantized, as used) weights of a run.
#include "clicommon.h"

#include "store/experimentstore.h"
#include "train/trainedmodel.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <set>

namespace qb::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

QJsonArray toJsonArray(const QVector<float> &values)
{
    QJsonArray a;
    for (float v : values)
        a.append(double(v));
    return a;
}

} // namespace

int runWeights(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Show the latent (trained, float) and effective (quantized, as used in the forward pass) weights of "
           "every conv/dense layer of a run: why binary weights are stored as floats, and what the layer computes with."));
    parser.addOption({QStringLiteral("run"), tr("Id of a run in the history (see 'history')."), tr("ID")});
    parser.addOption({QStringLiteral("values"), tr("With --json: include every weight value.")});
    addHistoryOption(parser);
    parser.addOption({QStringLiteral("json"), tr("Print JSON.")});
    int exitCode = kExitOk;
    if (!parseCommandLine(parser, arguments, &exitCode))
        return exitCode;
    const std::optional<qint64> run = requiredRunId(parser, QStringLiteral("weights"));
    if (!run)
        return kExitBadInput;
    const qint64 runId = *run;
    ExperimentStore store;
    if (const Status s = store.open(historyPath(parser));
        !s) {
        printErr(s.error());
        return kExitBadInput;
    }
    auto model = TrainedModel::fromRun(store, runId);
    if (!model) {
        printErr(model.error());
        return kExitBadInput;
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    QJsonArray layers;
    QString text = tr("Weights of run %1 (%2)\n").arg(runId).arg((*model)->spec().network.name);
    for (const LayerWeights &w : (*model)->weights()) {
        const auto [lo, hi] = std::minmax_element(w.latent.begin(), w.latent.end());
        std::set<float> distinct;
        for (float v : w.effective) {
            distinct.insert(v);
            if (distinct.size() > 16)
                break;
        }
        QStringList shape;
        for (int d : w.shape)
            shape << QString::number(d);
        QStringList effectiveValues;
        for (float v : distinct)
            effectiveValues << QString::number(double(v), 'g', 6);
        const bool few = distinct.size() <= 16;
        if (json) {
            QJsonObject o{{QStringLiteral("layer"), w.layer + 1},
                          {QStringLiteral("name"), w.name},
                          {QStringLiteral("shape"), shape.join(QLatin1Char('x'))},
                          {QStringLiteral("latent_min"), double(*lo)},
                          {QStringLiteral("latent_max"), double(*hi)},
                          {QStringLiteral("effective_distinct"), few ? QJsonValue(QJsonArray::fromStringList(effectiveValues))
                                                                     : QJsonValue(QStringLiteral("more than 16"))}};
            if (parser.isSet(QStringLiteral("values"))) {
                o.insert(QStringLiteral("latent"), toJsonArray(w.latent));
                o.insert(QStringLiteral("effective"), toJsonArray(w.effective));
            }
            layers.append(o);
        } else {
            text += tr("layer %1 %2: latent in [%3, %4]; effective values: %5\n")
                        .arg(w.layer + 1)
                        .arg(shape.join(QLatin1Char('x')))
                        .arg(double(*lo), 0, 'f', 4)
                        .arg(double(*hi), 0, 'f', 4)
                        .arg(few ? effectiveValues.join(QStringLiteral(", ")) : tr("more than 16 distinct values"));
        }
    }
    if (json)
        printJsonLine({{QStringLiteral("run_id"), double(runId)}, {QStringLiteral("layers"), layers}});
    else
        printOut(text);
    return kExitOk;
}

} // namespace qb::cli
