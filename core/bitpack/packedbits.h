#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace qb {

/// A row-major matrix of sign bits, the operand of the bit-packed binary kernels (binarygemm.h,
/// binaryconv2d.h).
///
/// Layout: row r occupies wordsPerRow() = ceil(bits / 64) consecutive 64-bit words starting at
/// row(r); element c of the row is bit (c % 64) of word (c / 64), least significant bit first.
/// A set bit stands for +1, a clear bit for -1. The padding bits past bits() in the last word of
/// each row are always zero: the class offers no writable access to whole words, so the invariant
/// holds by construction. The kernels rely on it: two zero padding bits XOR to 0 and add nothing
/// to a popcount, so no tail mask is needed in the inner loops.
///
/// Sign convention: bit = (x >= 0), i.e. sign(0) = +1 and sign(-0.0) = +1, exactly like
/// signWithZeroPositive() in core/quant (Larq's ste_sign). NaN compares false and packs as -1,
/// as x.ge(0) does in the float path.
///
/// A plain value type; copies are deep. Not synchronised: share const instances freely.
class PackedBits
{
public:
    static constexpr int kWordBits = 64;

    PackedBits() = default;
    /// rows x bits, every element -1 (all bits clear).
    PackedBits(int rows, int bits);

    /// Packs a row-major rows x cols float matrix: bit = data[r * cols + c] >= 0.
    static PackedBits fromSigns(const float *data, int rows, int cols);

    /// Adopts rows * wordsFor(bits) words laid out as above (a short vector is zero-filled); the
    /// padding bits are cleared, whatever they held.
    static PackedBits fromWords(int rows, int bits, std::vector<std::uint64_t> words);

    static int wordsFor(int bits) { return (bits + kWordBits - 1) / kWordBits; }

    int rows() const { return m_rows; }
    /// Number of valid bits per row (the dot-product length K).
    int bits() const { return m_bits; }
    int wordsPerRow() const { return m_wordsPerRow; }
    bool isEmpty() const { return m_rows == 0 || m_bits == 0; }

    const std::uint64_t *row(int r) const { return m_words.data() + std::size_t(r) * m_wordsPerRow; }
    const std::uint64_t *data() const { return m_words.data(); }

    bool bit(int r, int c) const { return (row(r)[c / kWordBits] >> (c % kWordBits)) & 1u; }
    void setBit(int r, int c, bool on);
    /// The element as the float the float path would use: +1.0f or -1.0f.
    float sign(int r, int c) const { return bit(r, c) ? 1.0f : -1.0f; }

    /// Packs one row of `count` floats (bit = x >= 0) into row r starting at element 0;
    /// elements count..bits()-1 become -1. Used to fill a matrix row by row without a copy.
    void setRowFromSigns(int r, const float *values, int count, std::size_t step = 1);

    bool operator==(const PackedBits &other) const;
    bool operator!=(const PackedBits &other) const { return !(*this == other); }

private:
    std::uint64_t *mutableRow(int r) { return m_words.data() + std::size_t(r) * m_wordsPerRow; }

    int m_rows = 0;
    int m_bits = 0;
    int m_wordsPerRow = 0;
    std::vector<std::uint64_t> m_words;
};

/// Packs `count` floats read with stride `step` into ceil(count / 64) words (bit = x >= 0),
/// zeroing the padding bits. The building block of PackedBits and of the convolution packers.
void packSigns(const float *values, int count, std::size_t step, std::uint64_t *words);

} // namespace qb
