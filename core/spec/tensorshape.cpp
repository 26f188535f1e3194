#include "spec/tensorshape.h"

#include <QStringList>

namespace qb {

bool TensorShape::isValid() const
{
    if (dims.isEmpty())
        return false;
    for (int d : dims) {
        if (d < 1)
            return false;
    }
    return true;
}

qint64 TensorShape::elementCount() const
{
    if (dims.isEmpty())
        return 0;
    qint64 count = 1;
    for (int d : dims)
        count *= qMax(d, 0);
    return count;
}

QString TensorShape::toString() const
{
    if (dims.isEmpty())
        return QStringLiteral("?");
    QStringList parts;
    parts.reserve(dims.size());
    for (int d : dims)
        parts << QString::number(d);
    return parts.join(QLatin1Char('x'));
}

} // namespace qb
