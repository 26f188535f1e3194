#pragma once

#include <QString>
#include <QVector>

namespace qb {

/// The shape of one sample flowing between layers, without the batch dimension:
/// {C, H, W} for feature maps, {N} for flat vectors.
struct TensorShape
{
    QVector<int> dims;

    static TensorShape image(int c, int h, int w) { return TensorShape{{c, h, w}}; }
    static TensorShape flat(int n) { return TensorShape{{n}}; }

    bool isImage() const { return dims.size() == 3; }
    bool isFlat() const { return dims.size() == 1; }
    bool isValid() const;
    qint64 elementCount() const;
    int channels() const { return dims.value(0); }
    int height() const { return isImage() ? dims[1] : 1; }
    int width() const { return isImage() ? dims[2] : 1; }
    /// "1x28x28" or "64"; "?" for an empty shape.
    QString toString() const;

    friend bool operator==(const TensorShape &a, const TensorShape &b) { return a.dims == b.dims; }
    friend bool operator!=(const TensorShape &a, const TensorShape &b) { return a.dims != b.dims; }
};

} // namespace qb
