#pragma once
// A recorded run with everything a bundle or a report carries: the trained model as numbers, the
// history's row, its epochs and sweeps, and (when the dataset could be read) the confusion matrix.
// Filled by the export facade (export/runexporter.h) from an ExperimentStore; torch-free.

#include "export/modelsnapshot.h"
#include "model/modelsummary.h"
#include "store/runrecord.h"

#include <QList>
#include <QString>
#include <QVector>

namespace qb {

struct RunArchive
{
    ModelSnapshot model;
    RunRecord run;
    QList<EpochMetrics> epochs;
    QList<SweepRecord> sweeps;
    QString weightsPath; ///< the run's torch weights file, as the history stores it
    ModelSummary summary; ///< of model.experiment.network
    /// confusion[actual * classes + predicted] on the test split; empty when the dataset was not
    /// available at export time (then the report and the bundle say so).
    QVector<int> confusion;
};

} // namespace qb
