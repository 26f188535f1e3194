#pragma once

#include "store/runrecord.h"

#include <QLabel>

namespace qb {

/// The first line of an analysis dialog: which run the job acts on ("Run 5 · name · network on
/// dataset · test accuracy 87.1 %").
class RunHeader : public QLabel
{
    Q_OBJECT
public:
    explicit RunHeader(const RunRecord &run, QWidget *parent = nullptr);
    static QString describe(const RunRecord &run);
};

} // namespace qb
