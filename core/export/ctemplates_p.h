#pragma once
// Private to cwriter.cpp: the C text of the generated library. @KEY@ marks a value the writer
// fills in (C never uses @). Every step of the network becomes one static function with its
// geometry as literal constants, so the compiler sees fixed loop bounds.

namespace qb {

inline constexpr char kPopcount[] = R"(
/* Set bits of x: the portable bit trick (GCC turns it into one popcount instruction where the
 * target has one, e.g. with -march=native). */
static inline int popcount32(uint32_t x)
{
    x = x - ((x >> 1) & 0x55555555u);
    x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
    x = (x + (x >> 4)) & 0x0f0f0f0fu;
    return (int)((uint32_t)(x * 0x01010101u) >> 24);
}
)";

inline constexpr char kPopcount64[] = R"(
/* Set bits of x, the same bit trick on 64 bits. */
static inline int popcount64(uint64_t x)
{
    x = x - ((x >> 1) & UINT64_C(0x5555555555555555));
    x = (x & UINT64_C(0x3333333333333333)) + ((x >> 2) & UINT64_C(0x3333333333333333));
    x = (x + (x >> 4)) & UINT64_C(0x0f0f0f0f0f0f0f0f);
    return (int)((uint64_t)(x * UINT64_C(0x0101010101010101)) >> 56);
}

/* Mismatches between n words of a and b where mask is set (mask may be NULL: everywhere), two
 * words at a time. The words are read as pairs with memcpy, in memory order for both sides, so
 * the pairing is the same for a, b and the mask on any byte order. */
static inline int mismatches(const uint32_t *a, const uint32_t *b, const uint32_t *mask, int n)
{
    int miss = 0, k = 0;
    for (; k + 1 < n; k += 2) {
        uint64_t x, y, m = ~UINT64_C(0);
        memcpy(&x, a + k, sizeof x);
        memcpy(&y, b + k, sizeof y);
        if (mask)
            memcpy(&m, mask + k, sizeof m);
        miss += popcount64((x ^ y) & m);
    }
    if (k < n)
        miss += popcount32((a[k] ^ b[k]) & (mask ? mask[k] : 0xffffffffu));
    return miss;
}
)";

inline constexpr char kSignAt[] = R"(
/* Weight k of a bit-packed +-1 stream: bit k % 32 of word k / 32, set for -1. */
static float sign_at(const uint32_t *bits, int k)
{
    return ((bits[k >> 5] >> (k & 31)) & 1u) ? -1.0f : 1.0f;
}
)";

inline constexpr char kIntToFloat[] = R"(static void @FN@(const int32_t *restrict in, float *restrict out)
{
    for (int k = 0; k < @N@; ++k)
        out[k] = (float)in[k];
}
)";

/// Body: the maximum `v` of the window at (py, px) of `plane` (torch's semantics: padding never
/// wins; for floats a NaN does).
inline constexpr char kPoolMax[] = R"(                @T@ v = 0;
                int first = 1;
                for (int ky = 0; ky < @KH@; ++ky) {
                    const int iy = py * @SH@ - @PH@ + ky;
                    if (iy < 0 || iy >= @H@)
                        continue;
                    for (int kx = 0; kx < @KW@; ++kx) {
                        const int ix = px * @SW@ - @PW@ + kx;
                        if (ix < 0 || ix >= @W@)
                            continue;
                        {
                            const @T@ e = plane[iy * @W@ + ix];
                            if (first || e > v@NANCHECK@) {
                                v = e;
                                first = 0;
                            }
                        }
                    }
                }
)";

/// Body: kPoolMax for windows that lie inside the map (no padding): no bounds to check.
inline constexpr char kPoolMaxInside[] = R"(                @T@ v = plane[py * @SH@ * @W@ + px * @SW@];
                for (int ky = 0; ky < @KH@; ++ky) {
                    for (int kx = 0; kx < @KW@; ++kx) {
                        const @T@ e = plane[(py * @SH@ + ky) * @W@ + px * @SW@ + kx];
                        v = (e > v@NANCHECK@) ? e : v; /* a select, not a branch */
                    }
                }
)";

/// Body: `plus` = the rule holds for the maximum of the window (max pooling, then the batch
/// norm's thresholds), without finding the maximum: max >= t exactly when some cell is >= t, and
/// -max >= t exactly when every cell has -e >= t. A NaN would win the pooling and give -1: it
/// fails every comparison, which settles the second form; the first one checks for it.
inline constexpr char kPoolRule[] = R"(                int any = 0, all = 1;
@NANDECL@                for (int ky = 0; ky < @KH@; ++ky) {
                    const int iy = py * @SH@ - @PH@ + ky;
                    if (iy < 0 || iy >= @H@)
                        continue;
                    for (int kx = 0; kx < @KW@; ++kx) {
                        const int ix = px * @SW@ - @PW@ + kx;
                        if (ix < 0 || ix >= @W@)
                            continue;
                        {
                            const @T@ e = plane[iy * @W@ + ix];
                            const int ge = @RULE@;
                            any |= ge;
                            all &= ge;
@NAN@                        }
                    }
                }
                const int plus = f ? all : any@NOTNAN@;
)";

/// Body: `plus` = the rule holds for some cell of the window (the sign of a max pooling that
/// follows the batch norm: the max of the signs); a NaN anywhere gives -1, as the NaN would win.
inline constexpr char kPoolAny[] = R"(                int plus = 0;
@NANDECL@                for (int ky = 0; ky < @KH@; ++ky) {
                    const int iy = py * @SH@ - @PH@ + ky;
                    if (iy < 0 || iy >= @H@)
                        continue;
                    for (int kx = 0; kx < @KW@; ++kx) {
                        const int ix = px * @SW@ - @PW@ + kx;
                        if (ix < 0 || ix >= @W@)
                            continue;
                        {
                            const @T@ e = plane[iy * @W@ + ix];
                            plus |= @RULE@;
@NAN@                        }
                    }
                }
@NANCLEAR@)";

/// Body: the average `v` of the cells of the window inside the map (count_include_pad = false).
inline constexpr char kPoolAverage[] = R"(                float sum = 0.0f;
                int count = 0;
                for (int ky = 0; ky < @KH@; ++ky) {
                    const int iy = py * @SH@ - @PH@ + ky;
                    if (iy < 0 || iy >= @H@)
                        continue;
                    for (int kx = 0; kx < @KW@; ++kx) {
                        const int ix = px * @SW@ - @PW@ + kx;
                        if (ix < 0 || ix >= @W@)
                            continue;
                        sum = sum + plane[iy * @W@ + ix];
                        ++count;
                    }
                }
                const float v = sum / (float)count;
)";

inline constexpr char kPool[] = R"(static void @FN@(const @T@ *restrict in, @T@ *restrict out)
{
    for (int c = 0; c < @C@; ++c) {
        const @T@ *plane = in + c * @PLANE@;
        for (int py = 0; py < @OH@; ++py) {
            for (int px = 0; px < @OW@; ++px) {
@BODY@                out[(c * @OH@ + py) * @OW@ + px] = v;
            }
        }
    }
}
)";

/// A map (CHW) to the packed input bits of a binarized conv: pixel by pixel, each word of
/// channels built in a register (bit b of word u: channel 32u + b, set where the rule fails).
inline constexpr char kBinarizePixels[] = R"(static void @FN@(const @T@ *restrict in, uint32_t *restrict bits)
{
    for (int py = 0; py < @OH@; ++py) {
        for (int px = 0; px < @OW@; ++px) {
            for (int u = 0; u < @U@; ++u) {
                uint32_t word = 0u;
                for (int b = 0; b < 32 && u * 32 + b < @C@; ++b) {
                    const int c = u * 32 + b;
                    const @T@ *plane = in + c * @PLANE@;
@HOIST@@BODY@                    word |= (uint32_t)!plus << b;
                }
                bits[(py * @OW@ + px) * @U@ + u] = word;
            }
        }
    }
}
)";

/// A map (CHW) to the packed input bits of a binarized dense layer, in flattening order.
inline constexpr char kBinarizeFlat[] = R"(static void @FN@(const @T@ *restrict in, uint32_t *restrict bits)
{
    for (int k = 0; k < @WORDS@; ++k)
        bits[k] = 0u;
    for (int c = 0; c < @C@; ++c) {
        const @T@ *plane = in + c * @PLANE@;
@HOIST@        for (int py = 0; py < @OH@; ++py) {
            for (int px = 0; px < @OW@; ++px) {
@BODY@                const int at = (c * @OH@ + py) * @OW@ + px;
                bits[at >> 5] |= (uint32_t)!plus << (at & 31);
            }
        }
    }
}
)";

/// XNOR-popcount convolution: per output pixel the patch's words (taps in (row, column) order,
/// each tap its pixel's words, as the filters) and a mask of the taps inside the map (zero
/// padding adds nothing); per filter the mismatches; dot = matches - mismatches = n * C - 2 * miss.
inline constexpr char kConvXnor[] = R"(static void @FN@(const uint32_t *restrict in, @OUTT@ *restrict out)
{
    uint32_t patch[@ROW@], mask[@ROW@];
    for (int oy = 0; oy < @OH@; ++oy) {
        for (int ox = 0; ox < @OW@; ++ox) {
            int n = 0, j = 0;
            for (int ky = 0; ky < @KH@; ++ky) {
                const int iy = oy * @SH@ - @PT@ + ky;
                for (int kx = 0; kx < @KW@; ++kx) {
                    const int ix = ox * @SW@ - @PL@ + kx;
                    const int inside = iy >= 0 && iy < @H@ && ix >= 0 && ix < @W@;
                    for (int u = 0; u < @U@; ++u, ++j) {
                        patch[j] = inside ? in[(iy * @W@ + ix) * @U@ + u] : 0u;
                        mask[j] = inside ? 0xffffffffu : 0u;
                    }
                    n += inside;
                }
            }
            for (int o = 0; o < @O@; ++o) {
                const int miss = mismatches(patch, @WEIGHTS@ + o * @ROW@, n == @TAPS@ ? NULL : mask, @ROW@);
                out[(o * @OH@ + oy) * @OW@ + ox] = @VALUE@;
            }
        }
    }
}
)";

inline constexpr char kDenseXnor[] = R"(static void @FN@(const uint32_t *restrict in, @OUTT@ *restrict out)
{
    for (int o = 0; o < @O@; ++o) {
        const int miss = mismatches(in, @WEIGHTS@ + o * @ROW@, NULL, @U@);
        out[o] = @VALUE@;
    }
}
)";

/// In place (in == out): sign(x) as +-1 floats, sign(0) = +1, sign(NaN) = -1.
inline constexpr char kSignToFloat[] = R"(static void @FN@(const float *in, float *out)
{
    for (int k = 0; k < @N@; ++k)
        out[k] = in[k] >= 0.0f ? 1.0f : -1.0f;
}
)";

/// Float convolution, tap-major: every output starts at its bias (or +0) and adds its taps in
/// (row, column, channel) order, one rounding each: the order of torch's oneDNN kernels here
/// (with one input channel also that of kernels/binaryweightconv.h). Taps on the zero padding are
/// skipped (they would add +-0, which changes no sum).
inline constexpr char kConvFloat[] = R"(static void @FN@(const float *restrict in, float *restrict out)
{
    for (int o = 0; o < @O@; ++o) {
        float *plane = out + o * @OPLANE@;
        for (int k = 0; k < @OPLANE@; ++k)
            plane[k] = @START@;
        for (int ky = 0; ky < @KH@; ++ky) {
            for (int kx = 0; kx < @KW@; ++kx) {
                int y0 = 0, y1 = @OH@, x0 = 0, x1 = @OW@;
                while (y0 < y1 && y0 * @SH@ - @PT@ + ky < 0)
                    ++y0;
                while (y1 > y0 && (y1 - 1) * @SH@ - @PT@ + ky >= @H@)
                    --y1;
                while (x0 < x1 && x0 * @SW@ - @PL@ + kx < 0)
                    ++x0;
                while (x1 > x0 && (x1 - 1) * @SW@ - @PL@ + kx >= @W@)
                    --x1;
                for (int c = 0; c < @C@; ++c) {
                    const float s = @SEXPR@;
                    for (int oy = y0; oy < y1; ++oy) {
                        const float *row = in + (c * @H@ + oy * @SH@ - @PT@ + ky) * @W@;
                        float *acc = plane + oy * @OW@;
@TAPLOOP@                    }
                }
            }
        }
    }
}
)";

inline constexpr char kDenseFloat[] = R"(static void @FN@(const float *restrict in, float *restrict out)
{
    for (int o = 0; o < @O@; ++o) {
        float acc = 0.0f;
        for (int k = 0; k < @F@; ++k) {
            const float s = @SEXPR@;
            acc = acc + s * in[k];
        }
@BIAS@        out[o] = acc;
    }
}
)";

/// In place (in == out).
inline constexpr char kActivation[] = R"(static void @FN@(const float *in, float *out)
{
    for (int k = 0; k < @N@; ++k) {
        const float v = in[k];
        out[k] = @EXPR@;
    }
}
)";

inline constexpr char kTable[] = R"(static void @FN@(const int32_t *restrict in, float *restrict out)
{
    for (int c = 0; c < @C@; ++c)
        for (int k = 0; k < @PLANE@; ++k)
            out[c * @PLANE@ + k] = @TABLE@[c * @ROW@ + in[c * @PLANE@ + k] + @K@];
}
)";

/// In place (in == out). One fused multiply-add per value, as torch's vectorized CPU kernel.
inline constexpr char kBatchNorm[] = R"(static void @FN@(const float *in, float *out)
{
    for (int c = 0; c < @C@; ++c)
        for (int k = 0; k < @PLANE@; ++k)
            out[c * @PLANE@ + k] = fmaf(in[c * @PLANE@ + k], @A@[c], @B@[c]);
}
)";

inline constexpr char kNonidealNote[] = R"( *
 * The run simulated hardware nonidealities (noise, variation, faults). They are not exported:
 * this library computes the ideal network, as QuantBench does without them.
)";

inline constexpr char kHeader[] = R"(/* @P@.h: the trained network "@NETWORK@" as a C99 library.
 *
 * Generated by QuantBench @VERSION@ from @RUN@, trained on @DATASET@. Self-contained: no
 * dynamic memory, no global state that is written, nothing beyond the C standard library
 * (<math.h>: link with -lm). Build, for example:
 *     cc -std=c99 -O2 @P@.c @P@_main.c -lm -o @P@_main
 *
 * API
 *   int @P@_predict(const uint8_t *pixels, float *logits);
 *     pixels: one sample exactly as the dataset stores it, @PU@_INPUT_SIZE bytes in CHW order
 *     (channel, row, column). logits: receives @PU@_CLASSES floats, the network's outputs before
 *     any softmax; may be NULL. Returns the predicted class: the index of the largest logit, the
 *     first one on ties (as torch.argmax; a NaN counts as the largest).
 *   int @P@_predict_ws(const uint8_t *pixels, float *logits, @P@_workspace *workspace);
 *     The same with scratch memory from the caller. @P@_predict keeps a @P@_workspace
 *     (@WSBYTES@ bytes) on the stack; where that is too much for a thread's stack, give each
 *     thread a workspace of its own (static or allocated once) and call @P@_predict_ws.
 *   Thread safety: the weights are static const; a call writes only its workspace and the
 *   caller's logits, so any number of threads may classify at once, each with its own workspace.
 *
 * Input encoding
 *   x = (float)pixel * @PU@_INPUT_SCALE + @PU@_INPUT_OFFSET: two float operations, two
 *   roundings, as QuantBench's batcher. @P@.c holds the 256 values this gives.
 *
 * The network, layer by layer (QuantBench's 1-based layer numbers)
@PLAN@ *
 * Binarized layers (sign input quantizer, every weight +1 or -1)
 *   Values of +-1 are packed 32 to a uint32_t word, least significant bit first (bit i of word k
 *   holds element 32k + i); a set bit stands for -1, a clear bit for +1 (as Larq Compute
 *   Engine). Bits past the end of a row are clear in the inputs and the weights alike, so they
 *   never count as a mismatch.
 *   - A conv's input map is packed pixel by pixel (row-major), each pixel ceil(C / 32) words with
 *     channel c at bit c % 32 of word c / 32; its filters alike, [filter][row][column][words].
 *   - A dense layer's input is packed in torch's flattening order (c * H * W + y * W + x) and
 *     each weight row in the same order, ceil(features / 32) words per row.
 *   A dot product of K values of +-1 is K - 2 * popcount(input XOR weight), exact in int32; zero
 *   padding of a conv adds nothing (only the taps inside the map count).
 *   Batch norm followed by the next layer's sign is one comparison per channel: the bit is +1
 *   exactly when (flip ? -v : v) >= threshold, where v is the batch norm's input (the integers of
 *   a binarized layer, or the floats of a conv with +-1 weights). The thresholds are QuantBench's,
 *   found by putting values through torch's own batch norm, so the bits are the ones QuantBench
 *   computes. Max pooling between needs no maximum: before the batch norm, max >= t exactly when
 *   some cell is >= t (and -max >= t when every cell is); after it, the bit is the OR of the
 *   cells' bits. The last batch norm of a binarized layer's integers is a table of QuantBench's
 *   float outputs. @PU@_PACKED_WEIGHT_BYTES counts the bytes of all bit-packed weights.
 *
 * Exactness
 *   The float steps round as torch does on x86-64 here: a conv on floats starts every output at
 *   its bias (or +0) and adds its taps in (row, column, channel) order (oneDNN's order; for one
 *   channel also QuantBench's own binary-weight kernel); a batch norm without thresholds or table
 *   is fmaf(x, alpha, beta') as torch's vectorized kernel; @P@.c turns off floating-point
 *   contraction everywhere else. With +-1 weights every product is exact, so the logits of a
 *   binarized network are QuantBench's bit for bit. Float weights: torch fuses each multiply
 *   and add (and BLAS orders a dense layer's sums its own way), this code multiplies and adds,
 *   so float networks agree to a rounding per operation.
@NONIDEAL@ */
#ifndef @PU@_H
#define @PU@_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define @PU@_INPUT_CHANNELS @CHANNELS@
#define @PU@_INPUT_HEIGHT @HEIGHT@
#define @PU@_INPUT_WIDTH @WIDTH@
#define @PU@_INPUT_SIZE @SIZE@
#define @PU@_CLASSES @CLASSES@
#define @PU@_INPUT_SCALE @SCALE@
#define @PU@_INPUT_OFFSET @OFFSET@
#define @PU@_PACKED_WEIGHT_BYTES @PACKED@

/* Scratch memory of one classification (the sizes are the largest maps of each kind). */
typedef struct @P@_workspace {
    float f0[@F0@];
    float f1[@F1@];
    int32_t i0[@I0@];
    int32_t i1[@I1@];
    uint32_t bits[@BITS@];
} @P@_workspace;

int @P@_predict(const uint8_t *pixels, float *logits);
int @P@_predict_ws(const uint8_t *pixels, float *logits, @P@_workspace *workspace);

/* The class names, in the order of the logits. */
extern const char *const @P@_class_names[@PU@_CLASSES];

#ifdef __cplusplus
}
#endif

#endif /* @PU@_H */
)";

inline constexpr char kSource[]
    = R"(/* @P@.c: the network of @P@.h ("@NETWORK@", @RUN@), generated by QuantBench @VERSION@.
 * Every step is a static function; @P@_predict_ws calls them in order. */

/* No contraction of a * b + c into a fused multiply-add: the float steps must round as
 * QuantBench does. GCC ignores the standard pragma (its ISO modes do not contract anyway). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("fp-contract=off")
#else
#pragma STDC FP_CONTRACT OFF
#endif

#include "@P@.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

const char *const @P@_class_names[@PU@_CLASSES] = {@NAMES@
};
@HELPERS@
/* input_value[p] = (float)p * @PU@_INPUT_SCALE + @PU@_INPUT_OFFSET, two roundings, as QuantBench. */@DATA@
static void encode_input(const uint8_t *pixels, float *x)
{
    for (int k = 0; k < @PU@_INPUT_SIZE; ++k)
        x[k] = input_value[pixels[k]];
}
@FUNCTIONS@
/* The first index of the largest value; a NaN counts as the largest (torch.argmax). */
static int argmax(const float *v, int n)
{
    int best = 0;
    for (int k = 1; k < n; ++k)
        if (v[k] > v[best] || (v[k] != v[k] && v[best] == v[best]))
            best = k;
    return best;
}

int @P@_predict_ws(const uint8_t *pixels, float *logits, @P@_workspace *ws)
{
@BODY@    if (logits)
        for (int k = 0; k < @PU@_CLASSES; ++k)
            logits[k] = @RESULT@[k];
    return argmax(@RESULT@, @PU@_CLASSES);
}

int @P@_predict(const uint8_t *pixels, float *logits)
{
    @P@_workspace ws;
    return @P@_predict_ws(pixels, logits, &ws);
}
)";

inline constexpr char kMain[] = R"(/* @P@_main.c: classifies the samples of an IDX file with @P@ (see @P@.h).
 *
 *   @P@_main IMAGES.idx LABELS.idx [--logits FILE] [--predictions FILE] [--limit N] [--bench]
 *
 * IMAGES.idx: an uncompressed IDX file of unsigned bytes (as MNIST's; gunzip .gz files first),
 * N items of @PU@_INPUT_SIZE bytes each. LABELS.idx: N label bytes (magic 0x00000801).
 * Prints the accuracy. --logits writes N x @PU@_CLASSES float32 values (native byte order),
 * --predictions N bytes (the predicted classes), --limit classifies the first N samples only,
 * --bench times @P@_predict on one thread and prints images per second.
 */
#include "@P@.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static unsigned char *read_file(const char *path, long *size)
{
    unsigned char *data = NULL;
    long n = -1;
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "%s: cannot open\n", path);
        return NULL;
    }
    if (fseek(f, 0, SEEK_END) == 0)
        n = ftell(f);
    if (n < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fprintf(stderr, "%s: cannot read\n", path);
        fclose(f);
        return NULL;
    }
    data = (unsigned char *)malloc(n > 0 ? (size_t)n : 1u);
    if (!data || fread(data, 1, (size_t)n, f) != (size_t)n) {
        fprintf(stderr, "%s: cannot read\n", path);
        free(data);
        fclose(f);
        return NULL;
    }
    fclose(f);
    *size = n;
    return data;
}

static long be32(const unsigned char *p)
{
    return (long)(((unsigned long)p[0] << 24) | ((unsigned long)p[1] << 16) | ((unsigned long)p[2] << 8) | p[3]);
}

/* The item count of an IDX file of unsigned bytes with `itemSize` bytes per item (-1: not one);
 * *offset receives where the items start. */
static long idx_items(const char *path, const unsigned char *data, long size, long itemSize, long *offset)
{
    long count, item = 1;
    int dims, k;
    if (size < 4 || data[0] != 0 || data[1] != 0 || data[2] != 0x08 || data[3] < 1) {
        fprintf(stderr, "%s: not an uncompressed IDX file of unsigned bytes\n", path);
        return -1;
    }
    dims = data[3];
    if (size < 4 + 4L * dims) {
        fprintf(stderr, "%s: truncated header\n", path);
        return -1;
    }
    count = be32(data + 4);
    for (k = 1; k < dims; ++k)
        item *= be32(data + 4 + 4 * k);
    if (item != itemSize) {
        fprintf(stderr, "%s: %ld bytes per item, the model takes %ld\n", path, item, itemSize);
        return -1;
    }
    *offset = 4 + 4L * dims;
    if (size - *offset != count * itemSize) {
        fprintf(stderr, "%s: %ld bytes of data for %ld items of %ld bytes\n", path, size - *offset, count, itemSize);
        return -1;
    }
    return count;
}

static int usage(void)
{
    fprintf(stderr, "usage: @P@_main IMAGES.idx LABELS.idx [--logits FILE] [--predictions FILE] [--limit N] [--bench]\n");
    return 2;
}

int main(int argc, char **argv)
{
    const char *imagesPath = NULL, *labelsPath = NULL, *logitsPath = NULL, *predictionsPath = NULL;
    long limit = -1, imagesSize = 0, labelsSize = 0, imagesAt = 0, labelsAt = 0, count, labelCount, n, correct = 0;
    int bench = 0, k, status = 0;
    unsigned char *images, *labels;
    FILE *logitsFile = NULL, *predictionsFile = NULL;
    float logits[@PU@_CLASSES];

    for (k = 1; k < argc; ++k) {
        if (strcmp(argv[k], "--logits") == 0 && k + 1 < argc)
            logitsPath = argv[++k];
        else if (strcmp(argv[k], "--predictions") == 0 && k + 1 < argc)
            predictionsPath = argv[++k];
        else if (strcmp(argv[k], "--limit") == 0 && k + 1 < argc)
            limit = strtol(argv[++k], NULL, 10);
        else if (strcmp(argv[k], "--bench") == 0)
            bench = 1;
        else if (argv[k][0] == '-')
            return usage();
        else if (!imagesPath)
            imagesPath = argv[k];
        else if (!labelsPath)
            labelsPath = argv[k];
        else
            return usage();
    }
    if (!imagesPath || !labelsPath)
        return usage();
    images = read_file(imagesPath, &imagesSize);
    labels = read_file(labelsPath, &labelsSize);
    if (!images || !labels)
        return 1;
    count = idx_items(imagesPath, images, imagesSize, @PU@_INPUT_SIZE, &imagesAt);
    labelCount = idx_items(labelsPath, labels, labelsSize, 1, &labelsAt);
    if (count < 0 || labelCount < 0)
        return 1;
    if (labelCount != count) {
        fprintf(stderr, "%s holds %ld images, %s %ld labels\n", imagesPath, count, labelsPath, labelCount);
        return 1;
    }
    if (limit >= 0 && limit < count)
        count = limit;
    if (logitsPath && !(logitsFile = fopen(logitsPath, "wb"))) {
        fprintf(stderr, "%s: cannot write\n", logitsPath);
        return 1;
    }
    if (predictionsPath && !(predictionsFile = fopen(predictionsPath, "wb"))) {
        fprintf(stderr, "%s: cannot write\n", predictionsPath);
        return 1;
    }
    for (n = 0; n < count; ++n) {
        const int predicted = @P@_predict(images + imagesAt + n * @PU@_INPUT_SIZE, logits);
        if (predicted == labels[labelsAt + n])
            ++correct;
        if (logitsFile && fwrite(logits, sizeof(float), @PU@_CLASSES, logitsFile) != @PU@_CLASSES)
            status = 1;
        if (predictionsFile && fputc(predicted, predictionsFile) == EOF)
            status = 1;
    }
    if ((logitsFile && fclose(logitsFile) != 0) || (predictionsFile && fclose(predictionsFile) != 0))
        status = 1;
    if (status)
        fprintf(stderr, "cannot write the output files\n");
    printf("accuracy %.4f (%ld of %ld)\n", count > 0 ? (double)correct / (double)count : 0.0, correct, count);
    if (bench && count > 0) {
        /* Whole passes over the samples until at least a second of processor time has passed. */
        volatile int sink = 0;
        long done = 0;
        double seconds;
        const clock_t start = clock();
        do {
            for (n = 0; n < count; ++n)
                sink += @P@_predict(images + imagesAt + n * @PU@_INPUT_SIZE, NULL);
            done += count;
        } while (clock() - start < CLOCKS_PER_SEC);
        (void)sink;
        seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
        printf("images/s %.1f (single-threaded: %ld images in %.3f s)\n", (double)done / seconds, done, seconds);
    }
    free(images);
    free(labels);
    return status;
}
)";

} // namespace qb
