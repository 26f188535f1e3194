#include "bitpack/packedbits.h"

#include <algorithm>
#include <utility>

namespace qb {

PackedBits::PackedBits(int rows, int bits)
    : m_rows(std::max(rows, 0))
    , m_bits(std::max(bits, 0))
    , m_wordsPerRow(wordsFor(std::max(bits, 0)))
    , m_words(std::size_t(m_rows) * m_wordsPerRow, 0u)
{
}

PackedBits PackedBits::fromSigns(const float *data, int rows, int cols)
{
    PackedBits packed(rows, cols);
    for (int r = 0; r < packed.m_rows; ++r)
        packSigns(data + std::size_t(r) * cols, cols, 1, packed.mutableRow(r));
    return packed;
}

PackedBits PackedBits::fromWords(int rows, int bits, std::vector<std::uint64_t> words)
{
    PackedBits packed;
    packed.m_rows = std::max(rows, 0);
    packed.m_bits = std::max(bits, 0);
    packed.m_wordsPerRow = wordsFor(packed.m_bits);
    packed.m_words = std::move(words);
    packed.m_words.resize(std::size_t(packed.m_rows) * packed.m_wordsPerRow, 0u);
    const int tail = packed.m_bits % kWordBits;
    if (tail) {
        const std::uint64_t mask = (std::uint64_t(1) << tail) - 1;
        for (int r = 0; r < packed.m_rows; ++r)
            packed.mutableRow(r)[packed.m_wordsPerRow - 1] &= mask;
    }
    return packed;
}

void PackedBits::setBit(int r, int c, bool on)
{
    std::uint64_t &word = mutableRow(r)[c / kWordBits];
    const std::uint64_t mask = std::uint64_t(1) << (c % kWordBits);
    word = on ? (word | mask) : (word & ~mask);
}

void PackedBits::setRowFromSigns(int r, const float *values, int count, std::size_t step)
{
    count = std::clamp(count, 0, m_bits);
    std::uint64_t *words = mutableRow(r);
    std::fill(words, words + m_wordsPerRow, 0u);
    packSigns(values, count, step, words);
}

bool PackedBits::operator==(const PackedBits &other) const
{
    return m_rows == other.m_rows && m_bits == other.m_bits && m_words == other.m_words;
}

void packSigns(const float *values, int count, std::size_t step, std::uint64_t *words)
{
    const int fullWords = count / PackedBits::kWordBits;
    for (int w = 0; w < fullWords; ++w) {
        const float *v = values + std::size_t(w) * PackedBits::kWordBits * step;
        std::uint64_t word = 0;
        for (int b = 0; b < PackedBits::kWordBits; ++b)
            word |= std::uint64_t(v[b * step] >= 0.0f) << b;
        words[w] = word;
    }
    const int tail = count % PackedBits::kWordBits;
    if (tail) {
        const float *v = values + std::size_t(fullWords) * PackedBits::kWordBits * step;
        std::uint64_t word = 0;
        for (int b = 0; b < tail; ++b)
            word |= std::uint64_t(v[b * step] >= 0.0f) << b;
        words[fullWords] = word;
    }
}

} // namespace qb
