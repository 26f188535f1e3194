#pragma once

#include <QString>

namespace qb {

/// One step of the first-run tour: what to say and what to point at. The target is found by object
/// name in the main window, so the tour does not depend on how the window is put together: the
/// dock `dockName` is shown and raised first, then the widget `widgetName` inside the window is
/// highlighted (the dock itself when the widget is missing or hidden, the menu bar for
/// kMenuBarTarget).
struct TourStep
{
    static constexpr const char *kMenuBarTarget = "#menubar";

    QString title;
    QString text;
    QString dockName; ///< e.g. "trainingDock"; empty: no dock to raise
    QString widgetName; ///< e.g. "trainButton"; empty: the dock
};

} // namespace qb
