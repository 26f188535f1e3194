#include "export/tensorexport.h"

#include "export/atomicfile.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QtEndian>

#include <zip.h>

#include <memory>

namespace qb {

namespace {

QString layerError(const LayerSnapshot &layer, const QString &what)
{
    return QObject::tr("layer %1 (%2): %3").arg(layer.index + 1).arg(layerTypeName(layer.spec.type), what);
}

QByteArray floatBytes(const QVector<float> &values)
{
    QByteArray bytes(values.size() * qsizetype(sizeof(float)), Qt::Uninitialized);
    qToLittleEndian<float>(values.constData(), values.size(), bytes.data());
    return bytes;
}

QByteArray int8Bytes(const QVector<std::int8_t> &values)
{
    return QByteArray(reinterpret_cast<const char *>(values.constData()), values.size());
}

QJsonArray intArray(const QVector<int> &values)
{
    QJsonArray a;
    for (int v : values)
        a.append(v);
    return a;
}

QJsonArray doubleArray(const QVector<double> &values)
{
    QJsonArray a;
    for (double v : values)
        a.append(v);
    return a;
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString compactJson(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

qint64 product(const QVector<int> &shape)
{
    qint64 n = 1;
    for (int d : shape)
        n *= d;
    return n;
}

QVector<qint64> shape64(const QVector<int> &shape)
{
    QVector<qint64> s;
    for (int d : shape)
        s << d;
    return s;
}

NamedTensor floatTensor(const QString &name, const QVector<qint64> &shape, const QVector<float> &values)
{
    NamedTensor t;
    t.name = name;
    t.dtype = NamedTensor::DType::Float32;
    t.shape = shape;
    t.bytes = floatBytes(values);
    return t;
}

QJsonObject inputEncodingJson(const ModelSnapshot &model)
{
    QJsonObject o;
    const InputEncoding &e = model.encoding;
    if (e.tabular) {
        o[QStringLiteral("kind")] = QStringLiteral("tabular");
        o[QStringLiteral("feature_mean")] = doubleArray(e.featureMean);
        o[QStringLiteral("feature_scale")] = doubleArray(e.featureScale);
        o[QStringLiteral("formula")] = QStringLiteral(
            "x[i] = float32((raw[i] - feature_mean[i]) / feature_scale[i]), computed in float64");
        return o;
    }
    o[QStringLiteral("kind")] = QStringLiteral("image");
    o[QStringLiteral("normalization")] = e.normalization == Normalization::ZeroToOne
        ? QStringLiteral("zero_one")
        : QStringLiteral("minus_one_one");
    o[QStringLiteral("scale")] = double(e.scale);
    o[QStringLiteral("offset")] = double(e.offset);
    o[QStringLiteral("formula")] = QStringLiteral(
        "x = float32(pixel) * scale + offset, in float32 (rounded after the product and after the "
        "sum); pixel = the stored byte 0..255, CHW order");
    return o;
}

/// The layer's tensors (appended to `set`) and its record in the "layers" metadata.
Result<QJsonObject> addLayer(const LayerSnapshot &layer, const QString &prefix,
    const TensorExportOptions &options, QList<NamedTensor> *tensors)
{
    const LayerSpec &spec = layer.spec;
    QJsonObject record;
    record[QStringLiteral("index")] = layer.index + 1;
    record[QStringLiteral("kind")] = layerTypeName(spec.type);
    record[QStringLiteral("name")] = spec.name;
    record[QStringLiteral("input")] = intArray(layer.input.dims);
    record[QStringLiteral("output")] = intArray(layer.output.dims);
    QJsonObject names;
    auto add = [&](const QString &role, NamedTensor t) {
        t.name = prefix + QLatin1Char('.') + role;
        names[role] = t.name;
        tensors->append(std::move(t));
    };

    switch (spec.type) {
    case LayerType::Conv2D:
    case LayerType::Dense: {
        const QVector<int> &shape = layer.weightShape;
        const int expectedRank = spec.type == LayerType::Conv2D ? 4 : 2;
        if (shape.size() != expectedRank || product(shape) <= 0)
            return Result<QJsonObject>::failure(layerError(layer,
                QObject::tr("weight shape has %1 dimensions, expected %2")
                    .arg(shape.size())
                    .arg(expectedRank)));
        const qint64 count = product(shape);
        const int outputs = shape[0];
        if (layer.effective.size() != count)
            return Result<QJsonObject>::failure(layerError(layer,
                QObject::tr("%1 effective weights for a shape of %2")
                    .arg(layer.effective.size())
                    .arg(count)));
        QString encoding;
        if (layer.codes) {
            const IntegerCodes &c = *layer.codes;
            if (c.codes.size() != count || c.scale.size() != outputs)
                return Result<QJsonObject>::failure(
                    layerError(layer, QObject::tr("integer codes do not fit the weight shape")));
            NamedTensor w;
            w.dtype = NamedTensor::DType::Int8;
            w.shape = shape64(shape);
            w.bytes = int8Bytes(c.codes);
            add(QStringLiteral("weight"), std::move(w));
            if (!c.unitScale) {
                add(QStringLiteral("weight_scale"), floatTensor({}, {outputs}, c.scale));
                encoding = QStringLiteral("int8 codes times weight_scale per output channel");
            } else {
                encoding = QStringLiteral("int8 codes");
            }
        } else {
            add(QStringLiteral("weight"), floatTensor({}, shape64(shape), layer.effective));
            encoding = QStringLiteral("float32");
        }
        if (!layer.bias.isEmpty()) {
            if (layer.bias.size() != outputs)
                return Result<QJsonObject>::failure(layerError(
                    layer, QObject::tr("%1 biases for %2 outputs").arg(layer.bias.size()).arg(outputs)));
            add(QStringLiteral("bias"), floatTensor({}, {outputs}, layer.bias));
        }
        if (!layer.inputQuantizerParameters.isEmpty())
            add(QStringLiteral("input_quantizer_params"),
                floatTensor({}, {layer.inputQuantizerParameters.size()}, layer.inputQuantizerParameters));
        if (options.latent) {
            if (layer.latent.size() != count)
                return Result<QJsonObject>::failure(layerError(layer,
                    QObject::tr("%1 latent weights for a shape of %2").arg(layer.latent.size()).arg(count)));
            add(QStringLiteral("latent_weight"), floatTensor({}, shape64(shape), layer.latent));
        }
        record[QStringLiteral("weight_encoding")] = encoding;
        record[QStringLiteral("input_quantizer")] = spec.inputQuantizer.toJson();
        record[QStringLiteral("kernel_quantizer")] = spec.kernelQuantizer.toJson();
        record[QStringLiteral("sign_input")] = layer.signInput;
        if (spec.type == LayerType::Conv2D) {
            record[QStringLiteral("padding")]
                = QJsonArray{layer.padTop, layer.padBottom, layer.padLeft, layer.padRight};
            record[QStringLiteral("stride")] = QJsonArray{layer.strideH, layer.strideW};
            record[QStringLiteral("kernel")] = QJsonArray{shape[2], shape[3]};
        }
        break;
    }
    case LayerType::BatchNorm: {
        const qsizetype channels = layer.runningMean.size();
        auto fits = [channels](const QVector<float> &v, bool optional) {
            return v.size() == channels || (optional && v.isEmpty());
        };
        if (channels == 0 || !fits(layer.runningVar, false) || !fits(layer.gamma, true)
            || !fits(layer.beta, true))
            return Result<QJsonObject>::failure(
                layerError(layer, QObject::tr("gamma, beta, running mean and variance differ in length")));
        if (!layer.gamma.isEmpty())
            add(QStringLiteral("gamma"), floatTensor({}, {channels}, layer.gamma));
        if (!layer.beta.isEmpty())
            add(QStringLiteral("beta"), floatTensor({}, {channels}, layer.beta));
        add(QStringLiteral("running_mean"), floatTensor({}, {channels}, layer.runningMean));
        add(QStringLiteral("running_var"), floatTensor({}, {channels}, layer.runningVar));
        record[QStringLiteral("epsilon")] = layer.epsilon;
        break;
    }
    case LayerType::MaxPool:
    case LayerType::AvgPool: {
        // As PoolModule: stride 0 means the pool size, padding only explicit and symmetric.
        const int pad = spec.padding == Padding::Explicit ? spec.paddingAmount : 0;
        record[QStringLiteral("pool")] = QJsonArray{spec.poolH, spec.poolW};
        record[QStringLiteral("stride")] = QJsonArray{spec.poolStrideH > 0 ? spec.poolStrideH : spec.poolH,
            spec.poolStrideW > 0 ? spec.poolStrideW : spec.poolW};
        record[QStringLiteral("padding")] = QJsonArray{pad, pad, pad, pad};
        break;
    }
    case LayerType::Dropout:
        record[QStringLiteral("rate")] = spec.rate;
        break;
    case LayerType::Activation:
        record[QStringLiteral("function")] = activationName(spec.function);
        break;
    case LayerType::Flatten:
        break;
    case LayerType::Leaky:
    case LayerType::Synaptic:
        // The neuron settings with the values in effect (learned beta, threshold and alpha included).
        record[QStringLiteral("neuron")] = spec.toJson();
        break;
    }
    record[QStringLiteral("tensors")] = names;
    return record;
}

Status failedWriting(const QString &path, const QString &reason)
{
    return Status::failure(QObject::tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), reason));
}

/// NPY v1.0: "\x93NUMPY" 1 0, uint16 LE header length, the header (a Python dict literal) padded
/// with spaces and ended by a newline so that the data starts at a multiple of 64 bytes.
QByteArray npyFile(const QString &descr, const QVector<qint64> &shape, const QByteArray &data)
{
    // Python tuples: (), (n,), (a, b, ...)
    QStringList dims;
    for (qint64 d : shape)
        dims << QString::number(d);
    const QString shapeText = QLatin1Char('(') + dims.join(QStringLiteral(", "))
        + (shape.size() == 1 ? QStringLiteral(",)") : QStringLiteral(")"));
    QByteArray header = QStringLiteral("{'descr': '%1', 'fortran_order': False, 'shape': %2, }")
                            .arg(descr, shapeText)
                            .toLatin1();
    constexpr int kPreamble = 10; // magic (6) + version (2) + header length (2)
    const qsizetype padded = (kPreamble + header.size() + 1 + 63) / 64 * 64 - kPreamble;
    header.append(QByteArray(padded - header.size() - 1, ' '));
    header.append('\n');
    QByteArray out("\x93NUMPY\x01\x00", 8);
    char length[2];
    qToLittleEndian<quint16>(quint16(header.size()), length);
    out.append(length, 2);
    out.append(header);
    out.append(data);
    return out;
}

/// Owns a libzip archive (and discards it unless closed).
struct ZipDiscard
{
    void operator()(zip_t *z) const { zip_discard(z); }
};

QString zipMessage(zip_error_t *error) { return QString::fromUtf8(zip_error_strerror(error)); }

} // namespace

qint64 NamedTensor::elementCount() const
{
    qint64 n = 1;
    for (qint64 d : shape)
        n *= d;
    return n;
}

QString NamedTensor::safetensorsDType() const
{
    return dtype == DType::Int8 ? QStringLiteral("I8") : QStringLiteral("F32");
}

QString NamedTensor::numpyDescr() const
{
    return dtype == DType::Int8 ? QStringLiteral("|i1") : QStringLiteral("<f4");
}

QByteArray TensorSet::metadataJson() const
{
    QJsonObject o;
    for (const auto &[key, value] : metadata)
        o[key] = value;
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<TensorSet> tensorSet(const ModelSnapshot &model, const TensorExportOptions &options)
{
    TensorSet set;
    // Layer numbers as users see them (1-based), zero-padded to at least two digits so that the
    // names sort in network order.
    int layerCount = model.experiment.network.layers.size();
    for (const LayerSnapshot &l : model.layers)
        layerCount = std::max(layerCount, l.index + 1);
    const int digits = std::max(2, int(QString::number(layerCount).size()));

    QJsonArray layers;
    for (const LayerSnapshot &layer : model.layers) {
        const QString prefix = QStringLiteral("layer%1_%2")
                                   .arg(layer.index + 1, digits, 10, QLatin1Char('0'))
                                   .arg(layerTypeName(layer.spec.type));
        Result<QJsonObject> record = addLayer(layer, prefix, options, &set.tensors);
        if (!record)
            return Result<TensorSet>::failure(record.error());
        layers.append(*record);
    }

    QJsonArray classNames;
    for (const QString &c : model.classNames)
        classNames.append(c);
    auto meta = [&set](const char *key, const QString &value) {
        set.metadata.append({QLatin1String(key), value});
    };
    meta("format", QStringLiteral("quantbench-tensors"));
    meta("format_version", QStringLiteral("1"));
    meta("quantbench_version", model.quantbenchVersion);
    meta("run_id", QString::number(model.runId));
    meta("run_name", model.runName);
    meta("dataset", model.datasetName);
    meta("classes", QString::number(model.classes));
    meta("class_names", compactJson(classNames));
    meta("input_shape", compactJson(intArray(model.inputShape.dims)));
    meta("network", compactJson(model.experiment.network.toJson()));
    meta("experiment", compactJson(model.experiment.toJson()));
    meta("layout", QStringLiteral("OIHW"));
    meta("dense_layout", QStringLiteral("[out, in], in = C*H*W flattened in CHW order"));
    meta("sign_convention", QStringLiteral("sign(0) = +1"));
    meta("input_encoding", compactJson(inputEncodingJson(model)));
    meta("nonidealities", QStringLiteral("not included"));
    meta("nonidealities_in_run",
        model.nonidealitiesDropped ? QStringLiteral("true") : QStringLiteral("false"));
    meta("latent_weights", options.latent ? QStringLiteral("included") : QStringLiteral("not included"));
    meta("layers", compactJson(layers));
    return set;
}

QByteArray safetensorsBytes(const TensorSet &set)
{
    // Float32 first, then int8: every float32 tensor then starts at a multiple of 4 in the data
    // (which itself starts at a multiple of 8), as safetensors' own writer arranges it.
    QList<const NamedTensor *> order;
    for (const NamedTensor &t : set.tensors)
        if (t.dtype == NamedTensor::DType::Float32)
            order << &t;
    for (const NamedTensor &t : set.tensors)
        if (t.dtype != NamedTensor::DType::Float32)
            order << &t;

    QJsonObject header;
    QByteArray data;
    for (const NamedTensor *t : order) {
        QJsonArray shape;
        for (qint64 d : t->shape)
            shape.append(d);
        const qint64 begin = data.size();
        data.append(t->bytes);
        QJsonObject entry;
        entry[QStringLiteral("dtype")] = t->safetensorsDType();
        entry[QStringLiteral("shape")] = shape;
        entry[QStringLiteral("data_offsets")] = QJsonArray{begin, qint64(data.size())};
        header[t->name] = entry;
    }
    QJsonObject metadata;
    for (const auto &[key, value] : set.metadata)
        metadata[key] = value;
    header[QStringLiteral("__metadata__")] = metadata;

    QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    json.append(QByteArray((8 - json.size() % 8) % 8, ' '));
    QByteArray out(8, Qt::Uninitialized);
    qToLittleEndian<quint64>(quint64(json.size()), out.data());
    out.append(json);
    out.append(data);
    return out;
}

QByteArray npyBytes(const NamedTensor &tensor)
{
    return npyFile(tensor.numpyDescr(), tensor.shape, tensor.bytes);
}

QByteArray npyUnicodeScalar(const QString &text)
{
    QList<uint> ucs4 = text.toUcs4();
    if (ucs4.isEmpty())
        ucs4 << 0; // numpy's '' is '<U1' holding one NUL
    QByteArray data(ucs4.size() * 4, Qt::Uninitialized);
    qToLittleEndian<quint32>(ucs4.constData(), ucs4.size(), data.data());
    return npyFile(QStringLiteral("<U%1").arg(ucs4.size()), {}, data);
}

Result<QByteArray> npzBytes(const TensorSet &set)
{
    // The archive is built in memory (a libzip buffer source), so a failure leaves nothing on disk
    // and the finished bytes go through writeFileAtomically.
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer) {
        const QString message = zipMessage(&error);
        zip_error_fini(&error);
        return Result<QByteArray>::failure(QObject::tr("cannot create the zip buffer: %1").arg(message));
    }
    std::unique_ptr<zip_t, ZipDiscard> archive(
        zip_open_from_source(buffer, ZIP_CREATE | ZIP_TRUNCATE, &error));
    if (!archive) {
        const QString message = zipMessage(&error);
        zip_error_fini(&error);
        zip_source_free(buffer);
        return Result<QByteArray>::failure(QObject::tr("cannot create the zip archive: %1").arg(message));
    }
    zip_error_fini(&error);
    zip_source_keep(buffer); // survives zip_close(), which writes the archive into it

    // libzip reads the member data only in zip_close(): keep it alive until then.
    QList<QByteArray> members;
    QStringList names;
    for (const NamedTensor &t : set.tensors) {
        members << npyBytes(t);
        names << t.name + QStringLiteral(".npy");
    }
    members << npyUnicodeScalar(QString::fromUtf8(set.metadataJson()));
    names << QLatin1String(kTensorMetadataName) + QStringLiteral(".npy");

    auto fail = [&](const QString &what) {
        const QString message = QString::fromUtf8(zip_strerror(archive.get()));
        archive.reset();
        zip_source_free(buffer);
        return Result<QByteArray>::failure(QObject::tr("%1: %2").arg(what, message));
    };
    for (int i = 0; i < members.size(); ++i) {
        zip_source_t *source
            = zip_source_buffer(archive.get(), members[i].constData(), zip_uint64_t(members[i].size()), 0);
        if (!source)
            return fail(QObject::tr("cannot add %1 to the zip archive").arg(names[i]));
        const QByteArray name = names[i].toUtf8();
        const zip_int64_t index = zip_file_add(archive.get(), name.constData(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            return fail(QObject::tr("cannot add %1 to the zip archive").arg(names[i]));
        }
        // Stored, as numpy.savez writes them; a fixed time keeps the file reproducible.
        constexpr time_t kFixedTime = 946684800; // 2000-01-01 00:00 UTC
        if (zip_set_file_compression(archive.get(), zip_uint64_t(index), ZIP_CM_STORE, 0) != 0
            || zip_file_set_mtime(archive.get(), zip_uint64_t(index), kFixedTime, 0) != 0)
            return fail(QObject::tr("cannot add %1 to the zip archive").arg(names[i]));
    }
    if (zip_close(archive.get()) != 0)
        return fail(QObject::tr("cannot finish the zip archive"));
    archive.release(); // closed: freed by zip_close

    QByteArray bytes;
    zip_stat_t stat;
    zip_stat_init(&stat);
    bool read = false;
    if (zip_source_open(buffer) == 0) {
        if (zip_source_stat(buffer, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE)) {
            bytes.resize(qsizetype(stat.size));
            read = zip_source_read(buffer, bytes.data(), stat.size) == zip_int64_t(stat.size);
        }
        zip_source_close(buffer);
    }
    zip_source_free(buffer);
    if (!read)
        return Result<QByteArray>::failure(QObject::tr("cannot read back the finished zip archive"));
    return bytes;
}

Status writeSafetensors(const ModelSnapshot &model, const QString &path, const TensorExportOptions &options)
{
    const Result<TensorSet> set = tensorSet(model, options);
    if (!set)
        return failedWriting(path, set.error());
    return writeFileAtomically(path, safetensorsBytes(*set));
}

Status writeNpz(const ModelSnapshot &model, const QString &path, const TensorExportOptions &options)
{
    const Result<TensorSet> set = tensorSet(model, options);
    if (!set)
        return failedWriting(path, set.error());
    const Result<QByteArray> bytes = npzBytes(*set);
    if (!bytes)
        return failedWriting(path, bytes.error());
    return writeFileAtomically(path, *bytes);
}

} // namespace qb
