// Precompiled header of the torch-using core sources (see core/CMakeLists.txt). Only .cpp files
// and private *_p.h headers of core may rely on it; public headers stay torch-free.
#pragma once
#include <torch/torch.h>

#include <QString>
#include <QtGlobal>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>
