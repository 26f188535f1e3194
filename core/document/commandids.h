#pragma once

namespace qb {

/// Ids of mergeable undo commands (QUndoCommand::id()), kept in one place so no two commands
/// collide. Commands that never merge return -1 and are not listed.
enum CommandId {
    kEditLayerCommandId = 1001,
};

} // namespace qb
