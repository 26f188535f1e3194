#pragma once
// Shared by the grid tests (tst_cligrid, tst_cligrid_slurm): the Fashion-MNIST slice every trial
// trains on, and a grid's runs as the history holds them.

#include "store/experimentstore.h"

#include <QList>
#include <QStringList>

namespace qbtest {

/// `quantbench-cli grid` options: one epoch of 1,000 images, tested on 500.
inline const QStringList kGridSlice{QStringLiteral("--set"), QStringLiteral("train.epochs=1"),
    QStringLiteral("--set"), QStringLiteral("train.train_limit=1000"), QStringLiteral("--set"),
    QStringLiteral("train.test_limit=500")};

/// The runs of grid `gridId` in the history at `dbPath`, oldest first.
inline QList<qb::RunRecord> gridRuns(const QString &dbPath, qint64 gridId)
{
    qb::ExperimentStore store;
    if (!store.open(dbPath))
        return {};
    const qb::Result<QList<qb::RunRecord>> all = store.runs(); // kept: a range-for over *store.runs() would dangle
    QList<qb::RunRecord> out;
    if (!all)
        return out;
    for (const qb::RunRecord &r : *all) {
        if (r.gridId == gridId)
            out.prepend(r);
    }
    return out;
}

} // namespace qbtest
