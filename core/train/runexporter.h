#pragma once
// Exports of a recorded run and imports of run bundles: the one core call behind
// `quantbench-cli export` / `import` and the window's Export run… / Import run… (which run it on a
// worker thread). The writers themselves live in core/export, one per format.

#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace qb {

enum class ExportFormat { Onnx, Safetensors, Npz, Pt, C, Bundle, Report };

struct ExportFormatInfo
{
    ExportFormat format;
    QString name;      ///< on the command line: "onnx", "safetensors", ...
    QString extension; ///< of the file written ("onnx", "qbrun"); empty for the C library (a folder)
    QString title;     ///< for the format chooser, translated
};

/// Every format, in the order the chooser lists them.
QList<ExportFormatInfo> exportFormats();
/// The format named `name` (case-insensitive), or nullptr.
const ExportFormatInfo *findExportFormat(const QString &name);

struct ExportRequest
{
    QString dbPath; ///< empty: the default history
    qint64 runId = -1;
    ExportFormat format = ExportFormat::Onnx;
    QString outPath;          ///< the file to write; for the C library the folder
    bool latent = false;      ///< safetensors / npz / pt: also the latent float weights
    QString cPrefix = QStringLiteral("qb_model");
    QString dataDir;          ///< where the run's dataset is looked for (empty: the usual places)
    /// Called between stages with a fraction in [0, 1] and what happens next; returning false
    /// cancels (nothing is written then).
    std::function<bool(double fraction, const QString &stage)> progress;
};

struct ExportOutcome
{
    QStringList files; ///< what was written, absolute paths
    qint64 bytes = 0;  ///< their total size
    QString note;      ///< something the user should know (e.g. nonidealities not exported)
};

/// Why an export or import failed: bad input (a missing run, a run without weights, a layer the
/// format cannot express, a bundle that is not one: exit status 2) or the rest (a file that
/// cannot be written: exit status 1). Cancelled: the progress callback said stop.
enum class ExportProblem { None, BadInput, WriteFailed, Cancelled };

struct ExportResult
{
    ExportProblem problem = ExportProblem::None;
    QString error;
    ExportOutcome outcome;
};

/// Exports run `runId` of the history. Opens its own connection: call it on any one thread.
ExportResult exportRun(const ExportRequest &request);

struct ImportResult
{
    ExportProblem problem = ExportProblem::None;
    QString error;
    qint64 runId = -1;
    bool alreadyPresent = false; ///< the bundle's run was imported before; nothing was added
};

/// Imports a run bundle (.qbrun) into the history at `dbPath` (empty: the default one).
ImportResult importRun(const QString &dbPath, const QString &bundlePath);

} // namespace qb
