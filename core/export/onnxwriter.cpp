#include "export/onnxwriter.h"

#include "export/atomicfile.h"
#include "spec/layerspec.h"

#include <onnx/checker.h>
#include <onnx/onnx_pb.h>
#include <onnx/shape_inference/implementation.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QObject>
#include <QStringList>
#include <QtEndian>

#include <cmath>
#include <cstring>
#include <exception>
#include <map>
#include <string>
#include <vector>

Q_LOGGING_CATEGORY(lcOnnx, "qb.core.export")

namespace qb {

namespace {

/// Opset 13 and the IR version it came with (ONNX 1.8): every runtime of the last years reads it.
constexpr int kOpset = 13;
constexpr int kIrVersion = 7;

std::string utf8(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    return std::string(bytes.constData(), std::size_t(bytes.size()));
}

/// "layer 3 (dense 'fc1')", or "layer 3 (dense)" for an unnamed layer: how the user sees it.
QString describeLayer(const LayerSnapshot &layer)
{
    const QString type = layerTypeName(layer.spec.type);
    if (layer.spec.name.isEmpty())
        return QObject::tr("layer %1 (%2)").arg(layer.index + 1).arg(type);
    return QObject::tr("layer %1 (%2 '%3')").arg(layer.index + 1).arg(type, layer.spec.name);
}

QString shapeText(const std::vector<std::int64_t> &dims)
{
    QStringList parts;
    for (std::int64_t d : dims)
        parts << QString::number(d);
    return parts.join(QLatin1Char('x'));
}

/// The nodes, initializers and names of the graph being built. Values are named after the layer
/// that makes them ("layer3_dense_gemm"), initializers likewise ("layer3_dense_weight"); scalar
/// constants are shared by value.
class GraphBuilder
{
public:
    explicit GraphBuilder(onnx::GraphProto *graph)
        : m_graph(graph)
    {
    }

    /// A float32 initializer of the given shape.
    std::string floats(const std::string &name, const float *values, std::size_t count,
        const std::vector<std::int64_t> &dims)
    {
        onnx::TensorProto *t = m_graph->add_initializer();
        t->set_name(name);
        t->set_data_type(onnx::TensorProto::FLOAT);
        for (std::int64_t d : dims)
            t->add_dims(d);
#if Q_BYTE_ORDER == Q_LITTLE_ENDIAN
        t->set_raw_data(reinterpret_cast<const char *>(values), count * sizeof(float));
#else
        for (std::size_t i = 0; i < count; ++i)
            t->add_float_data(values[i]);
#endif
        return name;
    }
    std::string floats(
        const std::string &name, const QVector<float> &values, const std::vector<std::int64_t> &dims)
    {
        return floats(name, values.constData(), std::size_t(values.size()), dims);
    }

    /// A float64 initializer (the tabular standardization, computed in double like the reader).
    std::string doubles(
        const std::string &name, const QVector<double> &values, const std::vector<std::int64_t> &dims)
    {
        onnx::TensorProto *t = m_graph->add_initializer();
        t->set_name(name);
        t->set_data_type(onnx::TensorProto::DOUBLE);
        for (std::int64_t d : dims)
            t->add_dims(d);
        for (double v : values)
            t->add_double_data(v);
        return name;
    }

    /// A float32 scalar (rank 0), one initializer per distinct bit pattern.
    std::string scalar(float value)
    {
        std::uint32_t bits = 0;
        std::memcpy(&bits, &value, sizeof bits);
        const auto found = m_scalars.find(bits);
        if (found != m_scalars.end())
            return found->second;
        const std::string name
            = "const_" + QString::number(bits, 16).rightJustified(8, QLatin1Char('0')).toStdString();
        floats(name, &value, 1, {});
        m_scalars.emplace(bits, name);
        return name;
    }

    /// Appends a node with one output, named `prefix` + "_" + what; returns the output's name.
    onnx::NodeProto *node(const char *op, std::initializer_list<std::string> inputs, const std::string &what)
    {
        onnx::NodeProto *n = m_graph->add_node();
        n->set_op_type(op);
        const std::string name = unique(m_prefix.empty() ? what : m_prefix + "_" + what);
        n->set_name(name);
        for (const std::string &in : inputs)
            n->add_input(in);
        n->add_output(name);
        return n;
    }
    /// node() when the output name is all that is needed.
    std::string op(const char *type, std::initializer_list<std::string> inputs, const std::string &what)
    {
        return node(type, inputs, what)->output(0);
    }

    void setPrefix(const std::string &prefix) { m_prefix = prefix; }
    const std::string &prefix() const { return m_prefix; }
    onnx::GraphProto *graph() { return m_graph; }

private:
    std::string unique(const std::string &name)
    {
        int &count = m_names[name];
        ++count;
        return count == 1 ? name : name + "_" + std::to_string(count);
    }

    onnx::GraphProto *m_graph;
    std::string m_prefix;
    std::map<std::uint32_t, std::string> m_scalars;
    std::map<std::string, int> m_names;
};

void setInt(onnx::NodeProto *node, const char *name, std::int64_t value)
{
    onnx::AttributeProto *a = node->add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INT);
    a->set_i(value);
}

void setFloat(onnx::NodeProto *node, const char *name, float value)
{
    onnx::AttributeProto *a = node->add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::FLOAT);
    a->set_f(value);
}

void setInts(onnx::NodeProto *node, const char *name, const std::vector<std::int64_t> &values)
{
    onnx::AttributeProto *a = node->add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INTS);
    for (std::int64_t v : values)
        a->add_ints(v);
}

/// The tensor flowing from layer to layer: its name and its per-sample shape.
struct Flow
{
    std::string name;
    std::vector<std::int64_t> dims; ///< without the batch dimension: {C, H, W} or {F}
};

std::int64_t elementCount(const std::vector<std::int64_t> &dims)
{
    std::int64_t n = 1;
    for (std::int64_t d : dims)
        n *= d;
    return n;
}

std::vector<std::int64_t> toDims(const TensorShape &shape)
{
    return std::vector<std::int64_t>(shape.dims.begin(), shape.dims.end());
}

/// sign(x) with sign(0) = +1: Where(x >= 0, 1, -1). ONNX's Sign gives 0 at 0, so it is not used.
std::string signZeroPositive(GraphBuilder &g, const std::string &x)
{
    const std::string nonNegative = g.op("GreaterOrEqual", {x, g.scalar(0.0f)}, "sign_ge0");
    return g.op("Where", {nonNegative, g.scalar(1.0f), g.scalar(-1.0f)}, "sign");
}

std::string roundBy(GraphBuilder &g, const std::string &x, const QString &rounding)
{
    if (rounding == QLatin1String("floor"))
        return g.op("Floor", {x}, "floor");
    // "nearest" (and uniform's "deterministic"): torch::round and ONNX's Round both round halves
    // to even.
    return g.op("Round", {x}, "round");
}

/// A float64 constant as torch uses it next to a float32 tensor: rounded to float32 (a CPU scalar
/// takes the tensor's type; see the clip comparison in quant/stesign.cpp).
float asTensorScalar(double value) { return float(value); }

/// The input quantizer `q` in evaluation mode as ONNX operators on `x`, exactly as core/quant
/// computes it; an empty name with `why` set when it cannot be expressed.
std::string quantizeInput(GraphBuilder &g, const LayerSnapshot &layer, const std::string &x, QString *why)
{
    const QuantizerSpec &q = layer.spec.inputQuantizer;
    const QString &name = q.name;
    static const QStringList signFamily = {QStringLiteral("ste_sign"), QStringLiteral("approx_sign"),
        QStringLiteral("swish_sign"), QStringLiteral("reste")};
    if (name == QLatin1String("stochastic_binary")) {
        if (q.flag(QStringLiteral("stochastic_eval"), false)) {
            *why = QObject::tr("with stochastic_eval it draws a random +-1 in every evaluation pass "
                               "(+1 with probability clip((x + 1) / 2, 0, 1))");
            return {};
        }
        return signZeroPositive(g, x); // deterministic sign in evaluation
    }
    if (signFamily.contains(name) || layer.signInput)
        return signZeroPositive(g, x);

    if (name == QLatin1String("ste_heaviside")) {
        // 1 where x > 0, else 0 (0 at x = 0).
        const std::string positive = g.op("Greater", {x, g.scalar(0.0f)}, "heaviside_gt0");
        return g.op("Where", {positive, g.scalar(1.0f), g.scalar(0.0f)}, "heaviside");
    }
    if (name == QLatin1String("ste_tern")) {
        // 1[x > t] - 1[x < -t]: +-t itself maps to 0; t compared in float32 as torch does.
        const float t = asTensorScalar(q.number(QStringLiteral("threshold"), 0.05));
        const std::string above = g.op("Greater", {x, g.scalar(t)}, "tern_gt");
        const std::string below = g.op("Less", {x, g.scalar(-t)}, "tern_lt");
        const std::string up = g.op("Where", {above, g.scalar(1.0f), g.scalar(0.0f)}, "tern_up");
        const std::string down = g.op("Where", {below, g.scalar(1.0f), g.scalar(0.0f)}, "tern_down");
        return g.op("Sub", {up, down}, "tern");
    }
    if (name == QLatin1String("dorefa")) {
        if (q.text(QStringLiteral("mode"), QStringLiteral("activations")) == QLatin1String("weights")) {
            *why = QObject::tr("in weights mode it divides by the largest |tanh(x)| of the whole batch, "
                               "so a sample's value depends on the other samples");
            return {};
        }
        // round(clip(x, 0, 1) * n) / n with n = 2^k - 1.
        const float levels = float(std::ldexp(1.0, int(q.number(QStringLiteral("bits"), 2.0))) - 1.0);
        const std::string clipped = g.op("Clip", {x, g.scalar(0.0f), g.scalar(1.0f)}, "dorefa_clip");
        const std::string scaled = g.op("Mul", {clipped, g.scalar(levels)}, "dorefa_mul");
        const std::string rounded = g.op("Round", {scaled}, "dorefa_round");
        return g.op("Div", {rounded, g.scalar(levels)}, "dorefa");
    }
    if (name == QLatin1String("fixed_point")) {
        const QString rounding = q.text(QStringLiteral("rounding"), QStringLiteral("nearest"));
        if (rounding == QLatin1String("stochastic")) {
            *why = QObject::tr("stochastic rounding draws at random in every evaluation pass");
            return {};
        }
        const int wordBits = int(q.number(QStringLiteral("word_bits"), 8.0));
        const int fracBits = int(q.number(QStringLiteral("frac_bits"), 4.0));
        const bool isSigned = q.flag(QStringLiteral("signed"), true);
        const bool wrap
            = q.text(QStringLiteral("overflow"), QStringLiteral("saturate")) == QLatin1String("wrap");
        const double scale = std::ldexp(1.0, fracBits);
        const double lo = isSigned ? -std::ldexp(1.0, wordBits - 1) : 0.0;
        const double hi = isSigned ? std::ldexp(1.0, wordBits - 1) - 1.0 : std::ldexp(1.0, wordBits) - 1.0;
        const std::string scaled = g.op("Mul", {x, g.scalar(asTensorScalar(scale))}, "fixed_mul");
        std::string r = roundBy(g, scaled, rounding);
        if (wrap) {
            // torch::remainder(r - lo, 2^w) + lo, where remainder is fmod moved into [0, 2^w) by
            // adding the divisor to a negative remainder (ATen's kernel, exact in float).
            const float modulus = asTensorScalar(hi - lo + 1.0);
            const std::string shifted = g.op("Sub", {r, g.scalar(asTensorScalar(lo))}, "fixed_shift");
            onnx::NodeProto *mod = g.node("Mod", {shifted, g.scalar(modulus)}, "fixed_fmod");
            setInt(mod, "fmod", 1);
            const std::string negative = g.op("Less", {mod->output(0), g.scalar(0.0f)}, "fixed_negative");
            const std::string lifted = g.op("Add", {mod->output(0), g.scalar(modulus)}, "fixed_lift");
            const std::string wrapped = g.op("Where", {negative, lifted, mod->output(0)}, "fixed_wrapped");
            r = g.op("Add", {wrapped, g.scalar(asTensorScalar(lo))}, "fixed_unshift");
        } else {
            r = g.op(
                "Clip", {r, g.scalar(asTensorScalar(lo)), g.scalar(asTensorScalar(hi))}, "fixed_saturate");
        }
        return g.op("Div", {r, g.scalar(asTensorScalar(scale))}, "fixed_point");
    }
    if (name == QLatin1String("uniform")) {
        const QString rounding = q.text(QStringLiteral("rounding"), QStringLiteral("deterministic"));
        if (rounding == QLatin1String("stochastic")) {
            *why = QObject::tr("stochastic rounding draws at random in every evaluation pass");
            return {};
        }
        // round((clamp(x, lo, hi) - lo) * s) / s + lo with s = (2^k - 1) / (hi - lo) in double,
        // every constant then rounded to float32 as torch does.
        const double lo = q.number(QStringLiteral("min"), -1.0);
        const double hi = q.number(QStringLiteral("max"), 1.0);
        const double levels = std::ldexp(1.0, int(q.number(QStringLiteral("bits"), 8.0))) - 1.0;
        const double s = levels / (hi - lo);
        const std::string clipped
            = g.op("Clip", {x, g.scalar(asTensorScalar(lo)), g.scalar(asTensorScalar(hi))}, "uniform_clip");
        const std::string shifted = g.op("Sub", {clipped, g.scalar(asTensorScalar(lo))}, "uniform_shift");
        const std::string scaled = g.op("Mul", {shifted, g.scalar(asTensorScalar(s))}, "uniform_mul");
        const std::string rounded = roundBy(g, scaled, rounding);
        const std::string back = g.op("Div", {rounded, g.scalar(asTensorScalar(s))}, "uniform_div");
        return g.op("Add", {back, g.scalar(asTensorScalar(lo))}, "uniform");
    }
    if (name == QLatin1String("lsq")) {
        if (layer.inputQuantizerParameters.size() != 1) {
            *why = QObject::tr("its learned step size is missing from the snapshot");
            return {};
        }
        // round(clamp(x / s, -Q_N, Q_P)) * s with s = max(step, 1e-8) (statefulquantizers.cpp).
        const int bits = int(q.number(QStringLiteral("bits"), 4.0));
        const bool isSigned = q.flag(QStringLiteral("signed"), true);
        const double qn = isSigned ? std::ldexp(1.0, bits - 1) : 0.0;
        const double qp = isSigned ? std::ldexp(1.0, bits - 1) - 1.0 : std::ldexp(1.0, bits) - 1.0;
        const float step = std::max(layer.inputQuantizerParameters.first(), float(1e-8));
        if (!std::isfinite(step)) {
            *why = QObject::tr("its learned step size is not finite");
            return {};
        }
        const std::string v = g.op("Div", {x, g.scalar(step)}, "lsq_div");
        const std::string clipped
            = g.op("Clip", {v, g.scalar(asTensorScalar(-qn)), g.scalar(asTensorScalar(qp))}, "lsq_clip");
        const std::string rounded = g.op("Round", {clipped}, "lsq_round");
        return g.op("Mul", {rounded, g.scalar(step)}, "lsq");
    }
    if (name == QLatin1String("magnitude_aware_sign") || name == QLatin1String("ternary_twn")) {
        *why = QObject::tr("it is a kernel quantizer whose scale is computed over the whole tensor");
        return {};
    }
    *why = QObject::tr("QuantBench does not know this quantizer");
    return {};
}

/// Why the kernel quantizer's effective weights are not one fixed tensor, or empty.
QString kernelDrawsAtEvaluation(const QuantizerSpec &q)
{
    if (q.name == QLatin1String("stochastic_binary") && q.flag(QStringLiteral("stochastic_eval"), false))
        return QObject::tr("with stochastic_eval it draws new +-1 weights in every evaluation pass");
    if ((q.name == QLatin1String("fixed_point") || q.name == QLatin1String("uniform"))
        && q.text(QStringLiteral("rounding"), QString()) == QLatin1String("stochastic"))
        return QObject::tr("stochastic rounding draws new weights in every evaluation pass");
    return {};
}

QString quantizerList(const LayerSpec &spec)
{
    const auto nameOf = [](const QuantizerSpec &q) { return q.isNone() ? QStringLiteral("none") : q.name; };
    return QStringLiteral("input: %1, kernel: %2")
        .arg(nameOf(spec.inputQuantizer), nameOf(spec.kernelQuantizer));
}

void addMetadata(onnx::ModelProto &proto, const QString &key, const QString &value)
{
    onnx::StringStringEntryProto *entry = proto.add_metadata_props();
    entry->set_key(utf8(key));
    entry->set_value(utf8(value));
}

/// Builds the whole model; a failure message names the layer.
Result<QByteArray> buildModel(const ModelSnapshot &model)
{
    using R = Result<QByteArray>;
    if (model.layers.isEmpty())
        return R::failure(QObject::tr("the model has no layers"));
    if (model.classes <= 0)
        return R::failure(QObject::tr("the model has no classes"));
    const bool tabular = model.encoding.tabular;
    if (!model.inputShape.isValid())
        return R::failure(QObject::tr("the model's input shape is unknown"));

    onnx::ModelProto proto;
    proto.set_ir_version(kIrVersion);
    proto.set_producer_name("QuantBench");
    proto.set_producer_version(utf8(model.quantbenchVersion));
    proto.set_model_version(1);
    proto.set_doc_string(utf8(QObject::tr("QuantBench run %1 '%2' (%3, dataset %4): the evaluation forward "
                                          "pass with effective weights; nonidealities are not exported.")
                                  .arg(model.runId)
                                  .arg(model.runName, model.experiment.network.name, model.datasetName)));
    onnx::OperatorSetIdProto *opset = proto.add_opset_import();
    opset->set_domain("");
    opset->set_version(kOpset);

    onnx::GraphProto *graph = proto.mutable_graph();
    graph->set_name(utf8(model.experiment.network.name.isEmpty() ? QStringLiteral("quantbench")
                                                                 : model.experiment.network.name));
    GraphBuilder g(graph);

    // ---- input and its scaling ----
    Flow flow;
    // One input name for every run, as the issue asks: "image" holds a table's raw features too.
    const std::string inputName = "image";
    {
        onnx::ValueInfoProto *input = graph->add_input();
        input->set_name(inputName);
        onnx::TypeProto_Tensor *type = input->mutable_type()->mutable_tensor_type();
        type->set_elem_type(onnx::TensorProto::FLOAT);
        onnx::TensorShapeProto *shape = type->mutable_shape();
        shape->add_dim()->set_dim_param("N");
        flow.dims
            = tabular ? std::vector<std::int64_t>{model.inputShape.elementCount()} : toDims(model.inputShape);
        for (std::int64_t d : flow.dims)
            shape->add_dim()->set_dim_value(d);
        input->set_doc_string(utf8(tabular ? QObject::tr("raw feature values, one row per sample")
                                           : QObject::tr("stored pixel values 0..255, NCHW")));
    }
    flow.name = inputName;
    g.setPrefix("input");
    if (tabular) {
        // (raw - mean) / std per feature in double, rounded to float32 once: the CSV reader's own
        // arithmetic.
        const std::int64_t features = flow.dims[0];
        if (model.encoding.featureMean.size() != features || model.encoding.featureScale.size() != features)
            return R::failure(
                QObject::tr("the network takes %1 raw features but the snapshot holds %2 means and %3 "
                            "scales to standardize them (take the snapshot with its dataset)")
                    .arg(features)
                    .arg(model.encoding.featureMean.size())
                    .arg(model.encoding.featureScale.size()));
        onnx::NodeProto *toDouble = g.node("Cast", {flow.name}, "double");
        setInt(toDouble, "to", onnx::TensorProto::DOUBLE);
        const std::string mean = g.doubles("input_feature_mean", model.encoding.featureMean, {features});
        const std::string deviation
            = g.doubles("input_feature_scale", model.encoding.featureScale, {features});
        const std::string centred = g.op("Sub", {toDouble->output(0), mean}, "centred");
        const std::string standard = g.op("Div", {centred, deviation}, "standardized");
        onnx::NodeProto *toFloat = g.node("Cast", {standard}, "float");
        setInt(toFloat, "to", onnx::TensorProto::FLOAT);
        flow.name = toFloat->output(0);
    } else {
        // x = float(pixel) * scale + offset in float32, two roundings, as the batcher computes it.
        flow.name = g.op("Mul", {flow.name, g.scalar(model.encoding.scale)}, "scaled");
        if (model.encoding.offset != 0.0f)
            flow.name = g.op("Add", {flow.name, g.scalar(model.encoding.offset)}, "shifted");
    }

    // ---- layers ----
    for (const LayerSnapshot &layer : model.layers) {
        const LayerSpec &spec = layer.spec;
        const QString where = describeLayer(layer);
        g.setPrefix(utf8(QStringLiteral("layer%1_%2").arg(layer.index + 1).arg(layerTypeName(spec.type))));
        const std::string prefix = g.prefix();
        const auto fail
            = [&where](const QString &what) { return R::failure(where + QStringLiteral(": ") + what); };

        // A flat layer after a feature map (the network's input, or a dense layer without a flatten
        // before it): CHW order, as torch's flatten(1).
        const bool wantsFlat = spec.type == LayerType::Dense || layer.input.isFlat();
        if (wantsFlat && flow.dims.size() > 1) {
            onnx::NodeProto *flatten = g.node("Flatten", {flow.name}, "flatten_input");
            setInt(flatten, "axis", 1);
            flow = {flatten->output(0), {elementCount(flow.dims)}};
        }
        if (layer.input.isValid() && elementCount(toDims(layer.input)) != elementCount(flow.dims))
            return fail(QObject::tr("it receives %1 values per sample but the layers before give %2")
                            .arg(elementCount(toDims(layer.input)))
                            .arg(elementCount(flow.dims)));

        switch (spec.type) {
        case LayerType::Leaky:
        case LayerType::Synaptic:
            return fail(QObject::tr("spiking layers run over time steps, which this ONNX export does not express"));
        case LayerType::Conv2D:
        case LayerType::Dense: {
            if (const QString why = kernelDrawsAtEvaluation(spec.kernelQuantizer); !why.isEmpty())
                return fail(QObject::tr("the kernel quantizer '%1' cannot be expressed in ONNX: %2")
                                .arg(spec.kernelQuantizer.name, why));
            if (!spec.inputQuantizer.isNone()) {
                QString why;
                const std::string quantized = quantizeInput(g, layer, flow.name, &why);
                if (quantized.empty())
                    return fail(QObject::tr("the input quantizer '%1' cannot be expressed in ONNX: %2")
                                    .arg(spec.inputQuantizer.name, why));
                flow.name = quantized;
            }
            const bool conv = spec.type == LayerType::Conv2D;
            const std::vector<std::int64_t> wdims(layer.weightShape.begin(), layer.weightShape.end());
            if (wdims.size() != (conv ? 4u : 2u) || elementCount(wdims) != layer.effective.size()
                || layer.effective.isEmpty())
                return fail(QObject::tr("its weights (%1 values of shape %2) do not fit a %3 layer")
                                .arg(layer.effective.size())
                                .arg(shapeText(wdims), layerTypeName(spec.type)));
            const std::int64_t outputs = wdims[0];
            const std::int64_t inputs = wdims[1]; // conv: input channels; dense: input features
            if ((conv && (flow.dims.size() != 3 || flow.dims[0] != inputs))
                || (!conv && flow.dims[0] != inputs))
                return fail(QObject::tr("its weights of shape %1 do not fit its input %2")
                                .arg(shapeText(wdims), shapeText(flow.dims)));
            if (!layer.bias.isEmpty() && layer.bias.size() != outputs)
                return fail(
                    QObject::tr("it has %1 bias values for %2 outputs").arg(layer.bias.size()).arg(outputs));
            for (float w : layer.effective)
                if (!std::isfinite(w))
                    return fail(QObject::tr("its effective weights are not all finite"));
            const std::string weight = g.floats(prefix + "_weight", layer.effective, wdims);
            std::string bias;
            if (!layer.bias.isEmpty())
                bias = g.floats(prefix + "_bias", layer.bias, {outputs});
            if (conv) {
                const std::int64_t kh = wdims[2], kw = wdims[3];
                onnx::NodeProto *n = bias.empty() ? g.node("Conv", {flow.name, weight}, "conv")
                                                  : g.node("Conv", {flow.name, weight, bias}, "conv");
                setInts(n, "kernel_shape", {kh, kw});
                setInts(n, "strides", {layer.strideH, layer.strideW});
                setInts(n, "pads", {layer.padTop, layer.padLeft, layer.padBottom, layer.padRight});
                const std::int64_t h
                    = (flow.dims[1] + layer.padTop + layer.padBottom - kh) / layer.strideH + 1;
                const std::int64_t w
                    = (flow.dims[2] + layer.padLeft + layer.padRight - kw) / layer.strideW + 1;
                flow = {n->output(0), {outputs, h, w}};
            } else {
                onnx::NodeProto *n = bias.empty() ? g.node("Gemm", {flow.name, weight}, "gemm")
                                                  : g.node("Gemm", {flow.name, weight, bias}, "gemm");
                setInt(n, "transB", 1);
                flow = {n->output(0), {outputs}};
            }
            break;
        }
        case LayerType::BatchNorm: {
            const std::int64_t channels = flow.dims[0];
            if (layer.runningMean.size() != channels || layer.runningVar.size() != channels
                || (!layer.gamma.isEmpty() && layer.gamma.size() != channels)
                || (!layer.beta.isEmpty() && layer.beta.size() != channels))
                return fail(
                    QObject::tr("its statistics do not have one value per channel (%1)").arg(channels));
            // Without scale or center the layer computes with gamma = 1 and beta = 0 (torch's
            // batch_norm with undefined weight / bias).
            const QVector<float> gamma = layer.gamma.isEmpty() ? QVector<float>(channels, 1.0f) : layer.gamma;
            const QVector<float> beta = layer.beta.isEmpty() ? QVector<float>(channels, 0.0f) : layer.beta;
            onnx::NodeProto *n = g.node("BatchNormalization",
                {flow.name, g.floats(prefix + "_gamma", gamma, {channels}),
                    g.floats(prefix + "_beta", beta, {channels}),
                    g.floats(prefix + "_mean", layer.runningMean, {channels}),
                    g.floats(prefix + "_var", layer.runningVar, {channels})},
                "batchnorm");
            setFloat(n, "epsilon", float(layer.epsilon));
            flow.name = n->output(0);
            break;
        }
        case LayerType::MaxPool:
        case LayerType::AvgPool: {
            if (flow.dims.size() != 3)
                return fail(
                    QObject::tr("pooling needs feature maps; its input is %1").arg(shapeText(flow.dims)));
            const bool max = spec.type == LayerType::MaxPool;
            onnx::NodeProto *n
                = g.node(max ? "MaxPool" : "AveragePool", {flow.name}, max ? "maxpool" : "avgpool");
            setInts(n, "kernel_shape", {layer.poolH, layer.poolW});
            setInts(n, "strides", {layer.strideH, layer.strideW});
            setInts(n, "pads", {layer.padTop, layer.padLeft, layer.padBottom, layer.padRight});
            if (!max) // QuantBench averages over the window's real values (avg_pool2d,
                      // count_include_pad=false)
                setInt(n, "count_include_pad", 0);
            const std::int64_t h
                = (flow.dims[1] + layer.padTop + layer.padBottom - layer.poolH) / layer.strideH + 1;
            const std::int64_t w
                = (flow.dims[2] + layer.padLeft + layer.padRight - layer.poolW) / layer.strideW + 1;
            flow = {n->output(0), {flow.dims[0], h, w}};
            break;
        }
        case LayerType::Flatten:
            if (flow.dims.size() > 1) {
                onnx::NodeProto *n = g.node("Flatten", {flow.name}, "flatten");
                setInt(n, "axis", 1);
                flow = {n->output(0), {elementCount(flow.dims)}};
            }
            break;
        case LayerType::Dropout:
            break; // the identity in evaluation
        case LayerType::Activation:
            switch (spec.function) {
            case ActivationFunction::ReLU:
                flow.name = g.op("Relu", {flow.name}, "relu");
                break;
            case ActivationFunction::Tanh:
                flow.name = g.op("Tanh", {flow.name}, "tanh");
                break;
            case ActivationFunction::HardTanh:
                flow.name = g.op("Clip", {flow.name, g.scalar(-1.0f), g.scalar(1.0f)}, "hardtanh");
                break;
            case ActivationFunction::Softmax: // the network outputs logits (model/layers_p.h)
            case ActivationFunction::None:
                break;
            }
            break;
        }
        if (layer.output.isValid() && toDims(layer.output) != flow.dims)
            return fail(QObject::tr("its geometry gives %1 per sample but the snapshot says %2")
                            .arg(shapeText(flow.dims), shapeText(toDims(layer.output))));
    }

    // ---- output ----
    if (flow.dims.size() != 1 || flow.dims[0] != model.classes)
        return R::failure(QObject::tr("the network ends in %1 values per sample, not one per class (%2)")
                              .arg(shapeText(flow.dims))
                              .arg(model.classes));
    const std::string outputName = "logits";
    const int last = graph->node_size() - 1;
    if (last >= 0 && graph->node(last).output(0) == flow.name)
        graph->mutable_node(last)->set_output(0, outputName);
    else
        g.node("Identity", {flow.name}, "logits")->set_output(0, outputName);
    {
        onnx::ValueInfoProto *output = graph->add_output();
        output->set_name(outputName);
        onnx::TypeProto_Tensor *type = output->mutable_type()->mutable_tensor_type();
        type->set_elem_type(onnx::TensorProto::FLOAT);
        onnx::TensorShapeProto *shape = type->mutable_shape();
        shape->add_dim()->set_dim_param("N");
        shape->add_dim()->set_dim_value(model.classes);
        output->set_doc_string("one score per class before softmax; the predicted class is the largest");
    }

    // ---- metadata ----
    addMetadata(proto, QStringLiteral("quantbench_version"), model.quantbenchVersion);
    addMetadata(proto, QStringLiteral("run_id"), QString::number(model.runId));
    addMetadata(proto, QStringLiteral("run_name"), model.runName);
    addMetadata(proto, QStringLiteral("dataset"), model.datasetName);
    addMetadata(proto, QStringLiteral("network"),
        QString::fromUtf8(QJsonDocument(model.experiment.network.toJson()).toJson(QJsonDocument::Compact)));
    addMetadata(proto, QStringLiteral("classes"), QString::number(model.classes));
    if (!model.classNames.isEmpty())
        addMetadata(proto, QStringLiteral("class_names"),
            QString::fromUtf8(
                QJsonDocument(QJsonArray::fromStringList(model.classNames)).toJson(QJsonDocument::Compact)));
    addMetadata(proto, QStringLiteral("input_encoding"),
        tabular ? QStringLiteral("x = (raw - mean) / std per feature (train split statistics)")
                : QStringLiteral("x = float(pixel) * %1 + %2 (float32)")
                      .arg(double(model.encoding.scale), 0, 'g', 9)
                      .arg(double(model.encoding.offset), 0, 'g', 9));
    for (const LayerSnapshot &layer : model.layers)
        if (layer.spec.hasWeights())
            addMetadata(
                proto, QStringLiteral("layer_%1_quantizers").arg(layer.index + 1), quantizerList(layer.spec));
    addMetadata(proto, QStringLiteral("sign_convention"), QStringLiteral("sign(0) = +1"));
    addMetadata(proto, QStringLiteral("nonidealities"),
        model.nonidealitiesDropped
            ? QStringLiteral("Nonidealities are a simulation of imperfect hardware and are not exported: "
                             "this run lists some, and the model computes without them.")
            : QStringLiteral("Nonidealities are a simulation of imperfect hardware and are not exported: "
                             "this run has none."));

    // ---- ONNX's own checks: the checker, then strict shape inference on a copy ----
    try {
        onnx::checker::check_model(proto);
        onnx::ModelProto inferred = proto;
        onnx::shape_inference::InferShapes(inferred, onnx::OpSchemaRegistry::Instance(),
            onnx::ShapeInferenceOptions(/*check_type=*/true, /*strict=*/1));
    } catch (const std::exception &e) {
        qCWarning(lcOnnx) << "ONNX check failed:" << e.what();
        return R::failure(
            QObject::tr("the ONNX model failed ONNX's checks: %1").arg(QString::fromUtf8(e.what())));
    }

    std::string bytes;
    if (!proto.SerializeToString(&bytes))
        return R::failure(QObject::tr("the ONNX model could not be serialized"));
    return QByteArray(bytes.data(), qsizetype(bytes.size()));
}

} // namespace

Result<QByteArray> onnxModelBytes(const ModelSnapshot &model) { return buildModel(model); }

Status writeOnnx(const ModelSnapshot &model, const QString &path)
{
    const Result<QByteArray> bytes = onnxModelBytes(model);
    if (!bytes)
        return Status::failure(bytes.error());
    return writeFileAtomically(path, *bytes);
}

} // namespace qb
