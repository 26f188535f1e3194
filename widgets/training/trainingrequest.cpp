#include "training/trainingrequest.h"

#include "store/runrecord.h"
#include "train/trainobserver.h"

#include <QMetaType>

namespace qb {

void registerTrainingMetaTypes()
{
    qRegisterMetaType<qb::BatchProgress>("qb::BatchProgress");
    qRegisterMetaType<qb::EpochMetrics>("qb::EpochMetrics");
    qRegisterMetaType<qb::RunStatus>("qb::RunStatus");
    qRegisterMetaType<qb::TrainingRequest>("qb::TrainingRequest");
}

} // namespace qb
