#include "model/modelsummary.h"

#include "quant/quantizercatalog.h"
#include "spec/networkvalidator.h"

#include <QJsonArray>
#include <QObject>
#include <QSet>

namespace qb {

namespace {

double kib(qint64 bits)
{
    return double(bits) / 8.0 / 1024.0;
}

qint64 sumOf(const QMap<int, qint64> &m)
{
    qint64 s = 0;
    for (qint64 v : m)
        s += v;
    return s;
}

QJsonObject bitsMapJson(const QMap<int, qint64> &m)
{
    QJsonObject o;
    for (auto it = m.begin(); it != m.end(); ++it)
        o.insert(QString::number(it.key()), double(it.value()));
    return o;
}

void addCount(QMap<int, qint64> &m, int bits, qint64 n)
{
    if (n > 0)
        m[bits] += n;
}

} // namespace

qint64 ModelSummary::paramCount() const
{
    return sumOf(totalParams);
}

qint64 LayerSummary::macCount() const
{
    return sumOf(macs);
}

qint64 ModelSummary::macCount() const
{
    return sumOf(totalMacs);
}

Result<ModelSummary> ModelSummary::compute(const NetworkSpec &network)
{
    const ValidationReport report = NetworkValidator::validate(network);
    if (!report.ok())
        return Result<ModelSummary>::failure(report.message(network));

    ModelSummary s;
    s.networkName = network.name;
    QMap<QString, int> typeCounters;
    TensorShape input = network.input;
    for (int i = 0; i < network.layers.size(); ++i) {
        const LayerSpec &layer = network.layers[i];
        LayerSummary row;
        row.index = i;
        row.type = layerTypeName(layer.type);
        const int n = typeCounters[row.type]++;
        row.name = !layer.name.isEmpty() ? layer.name
                                         : (n == 0 ? row.type : row.type + QLatin1Char('_') + QString::number(n));
        row.output = report.outputShapes.value(i);
        if (layer.hasWeights()) {
            row.inputBits = layer.inputQuantizer.isNone() ? 0 : QuantizerCatalog::bits(layer.inputQuantizer);
            const int weightBits = QuantizerCatalog::bits(layer.kernelQuantizer);
            qint64 weights = 0;
            qint64 positions = 1;
            int outChannels = 0;
            if (layer.type == LayerType::Conv2D) {
                weights = qint64(layer.kernelH) * layer.kernelW * input.channels() * layer.filters;
                positions = qint64(row.output.height()) * row.output.width();
                outChannels = layer.filters;
            } else {
                weights = input.elementCount() * layer.units;
                outChannels = layer.units;
            }
            addCount(row.params, weightBits, weights);
            if (layer.useBias)
                addCount(row.params, 32, outChannels);
            const int macBits = std::max(row.inputBits > 0 ? row.inputBits : 32, weightBits);
            addCount(row.macs, macBits, weights * positions);
        } else if (layer.type == LayerType::BatchNorm) {
            addCount(row.params, 32, 2 * qint64(input.channels()));
        }
        qint64 bits = 0;
        for (auto it = row.params.begin(); it != row.params.end(); ++it)
            bits += qint64(it.key()) * it.value();
        row.memoryKiB = kib(bits);
        for (auto it = row.params.begin(); it != row.params.end(); ++it)
            s.totalParams[it.key()] += it.value();
        for (auto it = row.macs.begin(); it != row.macs.end(); ++it)
            s.totalMacs[it.key()] += it.value();
        s.layers << row;
        input = row.output;
    }

    qint64 bits = 0;
    qint64 bits8 = 0;
    for (auto it = s.totalParams.begin(); it != s.totalParams.end(); ++it) {
        bits += qint64(it.key()) * it.value();
        bits8 += qint64(it.key() == 32 ? 8 : it.key()) * it.value();
    }
    s.modelSizeKiB = kib(bits);
    s.size8BitFloatKiB = kib(bits8);
    s.float32SizeKiB = kib(32 * s.paramCount());
    s.compressionRatio = s.modelSizeKiB > 0 ? s.float32SizeKiB / s.modelSizeKiB : 0.0;
    const qint64 macs = s.macCount();
    if (macs > 0) {
        s.binarizedMacShare = double(s.totalMacs.value(1)) / double(macs);
        s.ternarizedMacShare = double(s.totalMacs.value(2)) / double(macs);
    }
    return s;
}

QJsonObject ModelSummary::toJson() const
{
    QJsonArray rows;
    for (const LayerSummary &l : layers) {
        QJsonObject o;
        o.insert(QStringLiteral("index"), l.index);
        o.insert(QStringLiteral("name"), l.name);
        o.insert(QStringLiteral("type"), l.type);
        o.insert(QStringLiteral("input_bits"), l.inputBits > 0 ? QJsonValue(l.inputBits) : QJsonValue());
        QJsonArray shape;
        for (int d : l.output.dims)
            shape.append(d);
        o.insert(QStringLiteral("output_shape"), shape);
        o.insert(QStringLiteral("params"), bitsMapJson(l.params));
        o.insert(QStringLiteral("param_count"), double(sumOf(l.params)));
        o.insert(QStringLiteral("memory_kib"), l.memoryKiB);
        o.insert(QStringLiteral("macs"), bitsMapJson(l.macs));
        rows.append(o);
    }
    QJsonObject totals;
    totals.insert(QStringLiteral("params"), bitsMapJson(totalParams));
    totals.insert(QStringLiteral("param_count"), double(paramCount()));
    totals.insert(QStringLiteral("macs"), bitsMapJson(totalMacs));
    totals.insert(QStringLiteral("mac_count"), double(macCount()));
    totals.insert(QStringLiteral("model_size_kib"), modelSizeKiB);
    totals.insert(QStringLiteral("size_8bit_float_kib"), size8BitFloatKiB);
    totals.insert(QStringLiteral("float32_size_kib"), float32SizeKiB);
    totals.insert(QStringLiteral("compression_ratio"), compressionRatio);
    totals.insert(QStringLiteral("binarized_mac_share"), binarizedMacShare);
    totals.insert(QStringLiteral("ternarized_mac_share"), ternarizedMacShare);
    QJsonObject root;
    root.insert(QStringLiteral("network"), networkName);
    root.insert(QStringLiteral("layers"), rows);
    root.insert(QStringLiteral("totals"), totals);
    return root;
}

QString ModelSummary::toTable() const
{
    // Bit widths present anywhere become columns, as in Larq's table.
    QList<int> paramBits = totalParams.keys();
    QList<int> macBits = totalMacs.keys();
    if (paramBits.isEmpty())
        paramBits << 32;

    QStringList header{QObject::tr("Layer"), QObject::tr("Input prec. (bit)"), QObject::tr("Outputs")};
    for (int b : paramBits)
        header << QObject::tr("# %1-bit").arg(b);
    header << QObject::tr("Memory (KiB)");
    for (int b : macBits)
        header << QObject::tr("%1-bit MACs").arg(b);

    QList<QStringList> rows;
    for (const LayerSummary &l : layers) {
        QStringList r{l.name, l.inputBits > 0 ? QString::number(l.inputBits) : QStringLiteral("-"), l.output.toString()};
        for (int b : paramBits)
            r << QString::number(l.params.value(b));
        r << QString::number(l.memoryKiB, 'f', 2);
        for (int b : macBits)
            r << QString::number(l.macs.value(b));
        rows << r;
    }
    QStringList total{QObject::tr("Total"), QString(), QString()};
    for (int b : paramBits)
        total << QString::number(totalParams.value(b));
    total << QString::number(modelSizeKiB, 'f', 2);
    for (int b : macBits)
        total << QString::number(totalMacs.value(b));

    QVector<int> widths(header.size(), 0);
    auto measure = [&widths](const QStringList &r) {
        for (int c = 0; c < r.size(); ++c)
            widths[c] = std::max(widths[c], int(r[c].size()));
    };
    measure(header);
    for (const QStringList &r : rows)
        measure(r);
    measure(total);
    auto line = [&widths](const QStringList &r) {
        QString s;
        for (int c = 0; c < r.size(); ++c) {
            if (c > 0)
                s += QStringLiteral("  ");
            s += c == 0 ? r[c].leftJustified(widths[c]) : r[c].rightJustified(widths[c]);
        }
        return s + QLatin1Char('\n');
    };
    int totalWidth = 0;
    for (int w : widths)
        totalWidth += w + 2;
    const QString rule = QString(totalWidth - 2, QLatin1Char('-')) + QLatin1Char('\n');

    QString out = line(header) + rule;
    for (const QStringList &r : rows)
        out += line(r);
    out += rule + line(total) + rule;
    out += QObject::tr("Total parameters: %1\n").arg(paramCount());
    out += QObject::tr("Model size: %1 KiB (%2 KiB with 8-bit floats; float-32 equivalent %3 KiB)\n")
               .arg(modelSizeKiB, 0, 'f', 2)
               .arg(size8BitFloatKiB, 0, 'f', 2)
               .arg(float32SizeKiB, 0, 'f', 2);
    out += QObject::tr("Compression ratio: %1\n").arg(compressionRatio, 0, 'f', 2);
    out += QObject::tr("MACs: %1 (binarized share %2, ternarized share %3)\n")
               .arg(macCount())
               .arg(binarizedMacShare, 0, 'f', 4)
               .arg(ternarizedMacShare, 0, 'f', 4);
    return out;
}

} // namespace qb
