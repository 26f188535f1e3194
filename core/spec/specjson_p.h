#pragma once

// Private helpers shared by the spec .cpp files: strict JSON reading with messages that name the
// place ("layer 3 (dense)", "train", ...) and the field, and file reading/writing with messages
// that name the file. Not part of the public core API.

#include "spec/layerspec.h"
#include "spec/spikingspec.h"
#include "util/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace qb::specjson {

/// A short description of a JSON value for error messages: "\"10\"", "2.5", "true", "a list", ...
QString describeValue(const QJsonValue &value);

/// Reads the fields of one JSON object strictly. Each read* call leaves its output untouched when
/// the key is absent and returns false (with error() set) when the value has the wrong type.
/// Messages look like "<context>: field 'units' must be an integer; got 2.5".
class ObjectReader
{
public:
    ObjectReader(const QJsonObject &object, const QString &context);

    /// Fails on the first key (in key order) not in `known`.
    bool checkKnownKeys(const QStringList &known);
    /// Fails when `key` is absent.
    bool require(const QString &key);

    bool readString(const QString &key, QString *out);
    bool readBool(const QString &key, bool *out);
    /// A finite JSON number.
    bool readDouble(const QString &key, double *out);
    /// A JSON number with an integral value in int range.
    bool readInt(const QString &key, int *out);
    /// A JSON number with an integral value; doubles only below 2^53, where they are exact.
    bool readInt64(const QString &key, qint64 *out);
    /// An integer n (meaning [n, n]) or a list of two integers [h, w].
    bool readPair(const QString &key, int *h, int *w);

    bool contains(const QString &key) const { return m_object.contains(key); }
    QJsonValue value(const QString &key) const { return m_object.value(key); }
    const QString &context() const { return m_context; }

    /// Records "<context>: <message>" and returns false.
    bool fail(const QString &message);
    /// Records "<context>: field '<key>' <what>; got <value>" and returns false.
    bool failField(const QString &key, const QString &what);
    const QString &error() const { return m_error; }

private:
    QJsonObject m_object;
    QString m_context;
    QString m_error;
};

/// Checks {"format": expectedFormat, "version": n <= maxVersion}. `what` is a noun for messages
/// ("network", "experiment").
bool checkFormat(ObjectReader &reader, const QString &expectedFormat, int maxVersion, const QString &what);

/// Parses one element of "layers". `index` is 0-based; messages use the 1-based number.
Result<LayerSpec> layerFromJson(const QJsonValue &value, int index);

/// The JSON keys of a leaky (synaptic = false) or synaptic layer's neurons, their writer and their
/// strict reader (spec/spikingspec.cpp).
QStringList neuronKeys(bool synaptic);
void writeNeuron(const NeuronSpec &neuron, bool synaptic, QJsonObject *json);
bool readNeuron(ObjectReader &reader, bool synaptic, NeuronSpec *out);

/// "layer 3 (dense 'fc1')", "layer 3 (dense)"; 0-based index in.
QString layerLabel(int index, const LayerSpec &layer);

/// Reads a file holding one JSON object; errors name the file (missing, unreadable, invalid JSON
/// with line and column).
Result<QJsonObject> readJsonFile(const QString &path);
/// Writes an object as indented JSON, atomically (QSaveFile); errors name the file.
Status writeJsonFile(const QString &path, const QJsonObject &json);
/// The path as shown to users.
QString displayPath(const QString &path);

} // namespace qb::specjson
