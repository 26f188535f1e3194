#include "grid/jsonpath.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace qb {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("qb::JsonPath", text); }

} // namespace

Result<JsonPath> JsonPath::parse(const QString &text)
{
    using R = Result<JsonPath>;
    static const QRegularExpression part(QStringLiteral("^([A-Za-z_][A-Za-z0-9_]*)((?:\\[(?:\\d+|\\*)\\])*)$"));
    static const QRegularExpression subscript(QStringLiteral("\\[(\\d+|\\*)\\]"));
    JsonPath path;
    path.m_text = text.trimmed();
    if (path.m_text.isEmpty())
        return R::failure(tr("empty field path"));
    for (const QString &piece : path.m_text.split(QLatin1Char('.'))) {
        const QRegularExpressionMatch m = part.match(piece);
        if (!m.hasMatch()) {
            return R::failure(tr("'%1' is not a field path (keys joined by dots, [N] or [*] after a list, "
                                 "e.g. network.layers[3].kernel_quantizer.name): bad part '%2'")
                                  .arg(path.m_text, piece));
        }
        path.m_steps.append({m.captured(1), -1});
        auto it = subscript.globalMatch(m.captured(2));
        while (it.hasNext()) {
            const QString sub = it.next().captured(1);
            path.m_steps.append({QString(), sub == QLatin1String("*") ? -1 : sub.toInt()});
        }
    }
    return path;
}

Result<int> JsonPath::set(QJsonObject &root, const QJsonValue &value) const
{
    QJsonValue node(root);
    const Result<int> count = setIn(node, 0, value, QString(), false);
    if (!count)
        return count;
    if (*count == 0)
        return Result<int>::failure(tr("'%1' matches no field of the experiment").arg(m_text));
    root = node.toObject();
    return count;
}

Result<int> JsonPath::setIn(
    QJsonValue &node, int step, const QJsonValue &value, const QString &at, bool wildcardElement) const
{
    using R = Result<int>;
    const Step &s = m_steps.at(step);
    const bool last = step == m_steps.size() - 1;
    if (!s.key.isEmpty()) {
        const QString here = at.isEmpty() ? s.key : at + QLatin1Char('.') + s.key;
        if (!node.isObject())
            return R::failure(tr("'%1': %2 is not an object").arg(m_text, at));
        QJsonObject object = node.toObject();
        // A new key is an optional parameter of a quantizer or nonideality; directly on a list
        // element under [*] it would add a field to elements that lack it (filters on a pool layer).
        if (last && (object.contains(s.key) || !wildcardElement)) {
            object.insert(s.key, value);
            node = object;
            return 1;
        }
        if (!object.contains(s.key))
            return R::failure(tr("'%1': there is no field %2").arg(m_text, here));
        QJsonValue child = object.value(s.key);
        const R count = setIn(child, step + 1, value, here, false);
        if (count && *count > 0) {
            object.insert(s.key, child);
            node = object;
        }
        return count;
    }
    if (!node.isArray())
        return R::failure(tr("'%1': %2 is not a list").arg(m_text, at));
    QJsonArray array = node.toArray();
    if (s.index >= 0) {
        const QString here = QStringLiteral("%1[%2]").arg(at).arg(s.index);
        if (s.index >= array.size())
            return R::failure(tr("'%1': %2 does not exist (the list's elements are counted from 0 to %3)")
                                  .arg(m_text, here)
                                  .arg(array.size() - 1));
        if (last) {
            array[s.index] = value;
            node = array;
            return 1;
        }
        QJsonValue child = array.at(s.index);
        const R count = setIn(child, step + 1, value, here, false);
        if (count && *count > 0) {
            array[s.index] = child;
            node = array;
        }
        return count;
    }
    // [*]: every element the rest of the path fits; the others are skipped.
    int total = 0;
    for (int i = 0; i < array.size(); ++i) {
        if (last) {
            array[i] = value;
            ++total;
            continue;
        }
        QJsonValue child = array.at(i);
        const R count = setIn(child, step + 1, value, QStringLiteral("%1[%2]").arg(at).arg(i), true);
        if (!count)
            continue; // an element the deeper path does not fit
        if (*count > 0) {
            array[i] = child;
            total += *count;
        }
    }
    node = array;
    return total;
}

} // namespace qb
