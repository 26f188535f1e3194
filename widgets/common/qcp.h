#pragma once

// The one way widgets include QCustomPlot. Its 2.1 header uses the bare `signals:` / `slots`
// keywords (and `foreach`), which QT_NO_KEYWORDS (needed for LibTorch) disables: define them around the
// include only, and take them away again after.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach
