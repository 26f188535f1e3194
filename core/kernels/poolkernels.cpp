#include "kernels/poolkernels.h"

#include "kernels/slidingwindow.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace qb {

int PoolGeometry::outputHeight() const { return slidingOutputSize(height, kernelH, strideH, padH); }

int PoolGeometry::outputWidth() const { return slidingOutputSize(width, kernelW, strideW, padW); }

bool PoolGeometry::valid() const
{
    return height > 0 && width > 0 && kernelH > 0 && kernelW > 0 && strideH > 0 && strideW > 0 && padH >= 0
        && padW >= 0 && 2 * padH <= kernelH && 2 * padW <= kernelW && outputHeight() > 0 && outputWidth() > 0;
}

namespace {

/// The common case, a 2x2 window with stride 2 and no padding: the four candidates of an output
/// compared in torch's order (row 0 left, right, row 1 left, right).
void maxPool2x2Plane(const float *__restrict in, int width, int oh, int ow, float *__restrict out,
    std::int32_t *__restrict argmax)
{
    for (int oy = 0; oy < oh; ++oy) {
        const float *r0 = in + std::size_t(2 * oy) * width;
        const float *r1 = r0 + width;
        for (int ox = 0; ox < ow; ++ox) {
            const int x = 2 * ox;
            float best = r0[x];
            int where = 2 * oy * width + x;
            // First candidate: -inf < value or NaN, so it always wins, as in torch.
            const float c[3] = {r0[x + 1], r1[x], r1[x + 1]};
            const int at[3] = {where + 1, where + width, where + width + 1};
            for (int k = 0; k < 3; ++k) {
                if (c[k] > best || std::isnan(c[k])) {
                    best = c[k];
                    where = at[k];
                }
            }
            out[oy * ow + ox] = best;
            if (argmax)
                argmax[oy * ow + ox] = where;
        }
    }
}

void maxPoolPlane(const float *__restrict in, const PoolGeometry &g, int oh, int ow, float *__restrict out,
    std::int32_t *__restrict argmax)
{
    for (int oy = 0; oy < oh; ++oy) {
        const int y0 = oy * g.strideH - g.padH;
        const int y1 = std::min(y0 + g.kernelH, g.height);
        const int ys = std::max(y0, 0);
        for (int ox = 0; ox < ow; ++ox) {
            const int x0 = ox * g.strideW - g.padW;
            const int x1 = std::min(x0 + g.kernelW, g.width);
            const int xs = std::max(x0, 0);
            float best = -std::numeric_limits<float>::infinity();
            int where = ys * g.width + xs;
            for (int y = ys; y < y1; ++y) {
                for (int x = xs; x < x1; ++x) {
                    const float v = in[y * g.width + x];
                    if (v > best || std::isnan(v)) {
                        best = v;
                        where = y * g.width + x;
                    }
                }
            }
            out[oy * ow + ox] = best;
            if (argmax)
                argmax[oy * ow + ox] = where;
        }
    }
}

} // namespace

void maxPool2dForward(const float *in, std::size_t planes, const PoolGeometry &g, float *out, std::int32_t *argmax)
{
    const int oh = g.outputHeight(), ow = g.outputWidth();
    const std::size_t inPlane = std::size_t(g.height) * g.width;
    const std::size_t outPlane = std::size_t(oh) * ow;
    const bool twoByTwo = g.kernelH == 2 && g.kernelW == 2 && g.strideH == 2 && g.strideW == 2 && g.padH == 0
        && g.padW == 0;
    for (std::size_t p = 0; p < planes; ++p) {
        std::int32_t *planeArgmax = argmax ? argmax + p * outPlane : nullptr;
        if (twoByTwo)
            maxPool2x2Plane(in + p * inPlane, g.width, oh, ow, out + p * outPlane, planeArgmax);
        else
            maxPoolPlane(in + p * inPlane, g, oh, ow, out + p * outPlane, planeArgmax);
    }
}

void maxPool2dBackward(const float *gradOut, const std::int32_t *argmax, std::size_t planes, const PoolGeometry &g,
    float *gradIn)
{
    const std::size_t inPlane = std::size_t(g.height) * g.width;
    const std::size_t outPlane = std::size_t(g.outputHeight()) * g.outputWidth();
    std::fill(gradIn, gradIn + planes * inPlane, 0.0f);
    for (std::size_t p = 0; p < planes; ++p) {
        float *gi = gradIn + p * inPlane;
        const float *go = gradOut + p * outPlane;
        const std::int32_t *am = argmax + p * outPlane;
        for (std::size_t i = 0; i < outPlane; ++i)
            gi[am[i]] += go[i];
    }
}

} // namespace qb
