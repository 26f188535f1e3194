#include "train/runexporter.h"

#include "data/datasetlocator.h"
#include "export/atomicfile.h"
#include "export/cwriter.h"
#include "export/labreport.h"
#include "export/onnxwriter.h"
#include "export/ptwriter.h"
#include "export/runarchive.h"
#include "export/runbundle.h"
#include "export/tensorexport.h"
#include "store/experimentstore.h"
#include "train/trainedmodel.h"

#include <QDir>
#include <QFileInfo>
#include <QObject>

namespace qb {

QList<ExportFormatInfo> exportFormats()
{
    return {
        {ExportFormat::Onnx, QStringLiteral("onnx"), QStringLiteral("onnx"),
         QObject::tr("ONNX model (effective weights, input scaling in the graph)")},
        {ExportFormat::Safetensors, QStringLiteral("safetensors"), QStringLiteral("safetensors"),
         QObject::tr("safetensors weights (int8 for binary and ternary layers)")},
        {ExportFormat::Npz, QStringLiteral("npz"), QStringLiteral("npz"), QObject::tr("NumPy weights (.npz)")},
        {ExportFormat::Pt, QStringLiteral("pt"), QStringLiteral("pt"),
         QObject::tr("PyTorch tensors (.pt, for examples/load_in_pytorch.py)")},
        {ExportFormat::C, QStringLiteral("c"), QString(),
         QObject::tr("C99 library (bit-packed binary layers, no dependencies)")},
        {ExportFormat::Bundle, QStringLiteral("bundle"), QStringLiteral("qbrun"),
         QObject::tr("Run bundle (.qbrun, to import into another history)")},
        {ExportFormat::Report, QStringLiteral("report"), QStringLiteral("pdf"), QObject::tr("Lab report (PDF)")},
    };
}

const ExportFormatInfo *findExportFormat(const QString &name)
{
    static const QList<ExportFormatInfo> formats = exportFormats();
    for (const ExportFormatInfo &f : formats)
        if (f.name.compare(name, Qt::CaseInsensitive) == 0)
            return &f;
    return nullptr;
}

namespace {

ExportResult failure(ExportProblem problem, const QString &error)
{
    ExportResult r;
    r.problem = problem;
    r.error = error;
    return r;
}

bool needsArchive(ExportFormat f) { return f == ExportFormat::Bundle || f == ExportFormat::Report; }

/// confusion[actual * classes + predicted] over the test split.
QVector<int> confusionMatrix(const QVector<int> &predicted, const DatasetSplit &test, int classes)
{
    QVector<int> m(classes * classes, 0);
    for (int i = 0; i < predicted.size() && i < test.count; ++i) {
        const int actual = test.labels[std::size_t(i)];
        if (actual < classes && predicted[i] >= 0 && predicted[i] < classes)
            ++m[actual * classes + predicted[i]];
    }
    return m;
}

/// Records a written bundle's identity on the run it came from (the artifact an import looks
/// for), so importing that bundle back into this history finds the original instead of adding a
/// copy. Best effort: the bundle is written either way.
void rememberBundleIdentity(ExperimentStore &store, qint64 runId, const QString &identity)
{
    const Result<qint64> known = store.findRunByArtifact(kRunBundleIdentityArtifact, identity);
    if (known && *known == runId)
        return;
    store.addArtifact(runId, kRunBundleIdentityArtifact, identity);
}

/// Adds `path` to the outcome when it is a written file.
void collectWritten(const QString &path, ExportOutcome *outcome)
{
    const QFileInfo info(path);
    if (info.isFile()) {
        outcome->files << info.absoluteFilePath();
        outcome->bytes += info.size();
    }
}

} // namespace

ExportResult exportRun(const ExportRequest &request)
{
    auto step = [&request](double fraction, const QString &stage) {
        return !request.progress || request.progress(fraction, stage);
    };
    if (request.outPath.isEmpty())
        return failure(ExportProblem::BadInput, QObject::tr("no output path given"));
    if (!step(0.0, QObject::tr("Reading run %1").arg(request.runId)))
        return failure(ExportProblem::Cancelled, QObject::tr("cancelled"));
    ExperimentStore store;
    if (const Status s = store.open(request.dbPath.isEmpty() ? ExperimentStore::defaultPath() : request.dbPath); !s)
        return failure(ExportProblem::BadInput, s.error());
    auto run = store.run(request.runId);
    if (!run)
        return failure(ExportProblem::BadInput, run.error());
    auto model = TrainedModel::fromRun(store, request.runId);
    if (!model)
        return failure(ExportProblem::BadInput, model.error());

    // The dataset gives class names, a table's standardization and the confusion matrix; an image
    // export works without it (the encoding is known), a table's or a report's says what is missing.
    const ExperimentSpec &spec = (*model)->spec();
    std::optional<Dataset> dataset;
    QString datasetProblem;
    if (!step(0.1, QObject::tr("Reading the dataset %1").arg(spec.dataset)))
        return failure(ExportProblem::Cancelled, QObject::tr("cancelled"));
    if (auto data = DatasetLocator::load(spec.dataset, request.dataDir))
        dataset = std::move(*data);
    else
        datasetProblem = data.error();
    if (!dataset && spec.network.input.isFlat() && request.format == ExportFormat::Onnx)
        return failure(ExportProblem::BadInput,
            QObject::tr("run %1 was trained on the table %2, whose standardization the ONNX graph needs: %3")
                .arg(request.runId)
                .arg(spec.dataset, datasetProblem));

    auto snapshot = (*model)->snapshot(dataset ? &*dataset : nullptr);
    if (!snapshot)
        return failure(ExportProblem::BadInput, snapshot.error());
    snapshot->runId = request.runId;
    snapshot->runName = run->name;

    ExportOutcome outcome;
    if (snapshot->nonidealitiesDropped)
        outcome.note = QObject::tr("The run's nonidealities are simulation and were not exported: the exported "
                                   "model computes with the ideal effective weights.");
    Status written;
    const QString &out = request.outPath;
    if (needsArchive(request.format)) {
        RunArchive archive;
        archive.model = *snapshot;
        archive.run = *run;
        auto epochs = store.epochs(request.runId);
        auto sweeps = store.sweeps(request.runId);
        if (!epochs)
            return failure(ExportProblem::BadInput, epochs.error());
        if (!sweeps)
            return failure(ExportProblem::BadInput, sweeps.error());
        archive.epochs = *epochs;
        archive.sweeps = *sweeps;
        archive.weightsPath = (*model)->weightsPath();
        if (auto summary = ModelSummary::compute(spec.network))
            archive.summary = *summary;
        if (dataset) {
            if (!step(0.3, QObject::tr("Evaluating the test split for the confusion matrix")))
                return failure(ExportProblem::Cancelled, QObject::tr("cancelled"));
            if (auto predicted = (*model)->predict(dataset->test, spec.train.testLimit))
                archive.confusion = confusionMatrix(*predicted, dataset->test, snapshot->classes);
        } else {
            outcome.note += (outcome.note.isEmpty() ? QString() : QStringLiteral(" "))
                + QObject::tr("No confusion matrix: %1").arg(datasetProblem);
        }
        if (!step(0.7, QObject::tr("Writing %1").arg(QDir::toNativeSeparators(out))))
            return failure(ExportProblem::Cancelled, QObject::tr("cancelled"));
        QString identity;
        written = request.format == ExportFormat::Bundle ? writeRunBundle(archive, out, &identity)
                                                          : writeLabReport(archive, out);
        if (written && !identity.isEmpty())
            rememberBundleIdentity(store, request.runId, identity);
    } else {
        if (!step(0.5, QObject::tr("Writing %1").arg(QDir::toNativeSeparators(out))))
            return failure(ExportProblem::Cancelled, QObject::tr("cancelled"));
        TensorExportOptions options;
        options.latent = request.latent;
        switch (request.format) {
        case ExportFormat::Onnx:
            written = writeOnnx(*snapshot, out);
            break;
        case ExportFormat::Safetensors:
            written = writeSafetensors(*snapshot, out, options);
            break;
        case ExportFormat::Npz:
            written = writeNpz(*snapshot, out, options);
            break;
        case ExportFormat::Pt:
            written = writePt(*snapshot, out, options);
            break;
        case ExportFormat::C:
            written = writeCLibrary(*snapshot, out, request.cPrefix);
            break;
        case ExportFormat::Bundle:
        case ExportFormat::Report:
            break;
        }
    }
    if (!written) {
        // A file that cannot be written is a write failure; a network the format cannot express is bad input.
        return failure(isWriteFailure(written) ? ExportProblem::WriteFailed : ExportProblem::BadInput, written.error());
    }
    if (request.format == ExportFormat::C) {
        const QString prefix = request.cPrefix;
        for (const QString &name : {prefix + QStringLiteral(".h"), prefix + QStringLiteral(".c"),
                 prefix + QStringLiteral("_main.c")})
            collectWritten(QDir(out).filePath(name), &outcome);
    } else {
        collectWritten(out, &outcome);
    }
    step(1.0, QObject::tr("Done"));
    ExportResult r;
    r.outcome = outcome;
    return r;
}

ImportResult importRun(const QString &dbPath, const QString &bundlePath)
{
    ImportResult r;
    ExperimentStore store;
    if (const Status s = store.open(dbPath.isEmpty() ? ExperimentStore::defaultPath() : dbPath); !s) {
        r.problem = ExportProblem::BadInput;
        r.error = s.error();
        return r;
    }
    bool already = false;
    auto id = importRunBundle(store, bundlePath, &already);
    if (!id) {
        r.problem = ExportProblem::BadInput;
        r.error = id.error();
        return r;
    }
    r.runId = *id;
    r.alreadyPresent = already;
    return r;
}

} // namespace qb
