#include "export/cwriter.h"

#include "export/atomicfile.h"
#include "export/ctemplates_p.h"

#include <QDir>
#include <QObject>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <utility>

namespace qb {

namespace {

using Fill = QList<std::pair<QByteArray, QByteArray>>;

QByteArray num(qint64 v) { return QByteArray::number(v); }

/// `text` with every @KEY@ replaced by its value (the templates use @, which C never does).
QByteArray fill(QByteArray text, const Fill &values)
{
    // Values may hold keys themselves (a body inserted into a function): a few passes.
    for (int pass = 0; pass < 3; ++pass) {
        const QByteArray before = text;
        for (const auto &[key, value] : values)
            text.replace('@' + key + '@', value);
        if (text == before)
            break;
    }
    return text;
}

/// A float as a C99 literal that reads back exactly: a hexadecimal float, or the <math.h> macros.
QByteArray cFloat(float f)
{
    if (std::isnan(f))
        return QByteArrayLiteral("NAN");
    if (std::isinf(f))
        return f > 0 ? QByteArrayLiteral("INFINITY") : QByteArrayLiteral("(-INFINITY)");
    char text[64];
    std::snprintf(text, sizeof text, "%a", double(f));
    return QByteArray(text) + 'f';
}

/// A string literal: printable ASCII as it is, everything else (UTF-8 bytes) as octal escapes,
/// which unlike \x escapes cannot swallow the characters after them.
QByteArray cString(const QString &s)
{
    QByteArray out("\"");
    for (const char ch : s.toUtf8()) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\' || c == '?') { // '?' against trigraphs
            out += '\\';
            out += char(c);
        } else if (c >= 0x20 && c < 0x7f) {
            out += char(c);
        } else {
            char esc[8];
            std::snprintf(esc, sizeof esc, "\\%03o", unsigned(c));
            out += esc;
        }
    }
    return out + '"';
}

/// Text safe inside a /* */ comment: one line, no comment terminator.
QByteArray commentText(const QString &s)
{
    QString t = s.simplified();
    t.replace(QLatin1String("*/"), QLatin1String("* /"));
    return t.toUtf8();
}

/// Values of a static const array, eight to a line.
template <typename T, typename F> QByteArray arrayBody(const QVector<T> &values, F format)
{
    QByteArray out;
    for (qsizetype i = 0; i < values.size(); ++i) {
        out += (i % 8 == 0) ? QByteArrayLiteral("\n    ") : QByteArrayLiteral(" ");
        out += format(values[i]);
        if (i + 1 < values.size())
            out += ',';
    }
    return out + '\n';
}

/// `text` with `spaces` more indentation on every line.
QByteArray indented(const QByteArray &text, int spaces)
{
    const QByteArray pad(spaces, ' ');
    QByteArray out;
    for (const QByteArray &line : text.split('\n'))
        out += line.isEmpty() ? QByteArray("\n") : pad + line + '\n';
    out.chop(1); // split() gave an empty last part for the final newline
    return out;
}

/// The C text of a +-1 bit (set: -1) for the packing.
bool isMinusOne(float v) { return v < 0.0f; }

struct Map
{
    int c = 0, h = 1, w = 1;
    qint64 size() const { return qint64(c) * h * w; }
    qint64 plane() const { return qint64(h) * w; }
};

/// A 2-D window (pool) over a map: kernel, stride, padding on both sides.
struct Window
{
    int kh = 1, kw = 1, sh = 1, sw = 1, ph = 0, pw = 0;
    int outH(int h) const { return (h + 2 * ph - kh) / sh + 1; }
    int outW(int w) const { return (w + 2 * pw - kw) / sw + 1; }
};

/// How a binarization decides a channel's bit (bit +1 exactly when the rule holds).
struct Rule
{
    enum class Kind { Sign, Int, Float };
    Kind kind = Kind::Sign;
    QByteArray flip, threshold; ///< array names (Int, Float)
};

class Generator
{
public:
    Generator(const ModelSnapshot &model, const QString &prefix)
        : m_model(model)
        , m_p(prefix.toUtf8())
        , m_pu(prefix.toUpper().toUtf8())
    {
    }

    Result<CLibrarySources> generate();

private:
    enum class Rep { Float, Int, Bits };
    enum class Layout { Pixels, Flat };
    enum Buffer { F0, F1, I0, I1, BitBuffer, BufferCount };

    const LayerSnapshot &layer(int i) const { return m_model.layers[i]; }
    QString describe(int i) const;
    Status failure(int i, const QString &why) const
    {
        return Status::failure(QObject::tr("%1: %2").arg(describe(i), why));
    }

    static QByteArray bufferName(int b);
    QByteArray functionName(int i, const char *what) const;
    void call(const QByteArray &function, int in, int out, qint64 outSize);
    void addFunction(const QByteArray &comment, const QByteArray &code);
    void addPlan(int i, const QString &what);
    QByteArray floatArray(const QByteArray &name, const QVector<float> &values);
    QByteArray intArray(const QByteArray &name, const QVector<qint32> &values);
    QByteArray flagArray(const QByteArray &name, const QVector<int> &values);
    QByteArray wordArray(const QByteArray &name, const QVector<quint32> &words, bool packedWeights);
    QByteArray signBits(int i, const QVector<float> &values);

    Status weighted(int i);
    Status other(int i);
    /// From layer i on: [dropout | flatten | identity activation]* with at most one max pooling and
    /// at most one batch norm that has sign thresholds, up to a binarized layer. Emits the fused
    /// binarization and returns that layer's index, or -1 (nothing emitted) when there is none.
    Result<int> chain(int i);
    Result<Rule> makeRule(int bnIndex);
    void binarize(int i, const std::optional<Window> &pool, bool poolFirst, const Rule &rule, Layout layout,
        const QString &what);
    Result<Window> window(int i) const;
    void ensureFloat(int i);
    void ensureBits(int i, Layout layout);
    QByteArray ruleExpression(const Rule &rule, const char *v) const;

    const ModelSnapshot &m_model;
    QByteArray m_p, m_pu;
    QByteArray m_data, m_functions, m_body, m_plan;
    qint64 m_capacity[BufferCount] = {1, 1, 1, 1, 1};
    Rep m_rep = Rep::Float;
    Map m_map;
    bool m_flat = false;
    Layout m_layout = Layout::Flat;
    int m_float = F0, m_int = I0;
    qint64 m_dotLength = 0; ///< Int: the values lie in [-m_dotLength, m_dotLength]
    bool m_usesPopcount = false, m_usesSignAt = false;
    qint64 m_packedBytes = 0;
};

QString Generator::describe(int i) const
{
    const LayerSpec &spec = layer(i).spec;
    return spec.name.isEmpty()
        ? QObject::tr("layer %1 (%2)").arg(i + 1).arg(layerTypeName(spec.type))
        : QObject::tr("layer %1 (%2 '%3')").arg(i + 1).arg(layerTypeName(spec.type), spec.name);
}

QByteArray Generator::bufferName(int b)
{
    static const char *const names[BufferCount] = {"ws->f0", "ws->f1", "ws->i0", "ws->i1", "ws->bits"};
    return names[b];
}

QByteArray Generator::functionName(int i, const char *what) const
{
    return "layer" + num(i + 1) + '_' + what;
}

void Generator::call(const QByteArray &function, int in, int out, qint64 outSize)
{
    m_body += "    " + function + '(' + (in < 0 ? QByteArrayLiteral("pixels") : bufferName(in)) + ", "
        + bufferName(out) + ");\n";
    m_capacity[out] = std::max(m_capacity[out], outSize);
}

void Generator::addFunction(const QByteArray &comment, const QByteArray &code)
{
    m_functions += "\n/* " + comment + " */\n" + code;
}

void Generator::addPlan(int i, const QString &what)
{
    m_plan += " *   " + commentText(describe(i) + QLatin1String(": ") + what) + '\n';
}

QByteArray Generator::floatArray(const QByteArray &name, const QVector<float> &values)
{
    m_data += "\nstatic const float " + name + '[' + num(std::max<qsizetype>(values.size(), 1)) + "] = {"
        + (values.isEmpty() ? QByteArrayLiteral("0") : arrayBody(values, cFloat)) + "};\n";
    return name;
}

QByteArray Generator::intArray(const QByteArray &name, const QVector<qint32> &values)
{
    m_data += "\nstatic const int32_t " + name + '[' + num(values.size()) + "] = {"
        + arrayBody(values, [](qint32 v) { return num(v); }) + "};\n";
    return name;
}

QByteArray Generator::flagArray(const QByteArray &name, const QVector<int> &values)
{
    m_data += "\nstatic const unsigned char " + name + '[' + num(values.size()) + "] = {"
        + arrayBody(values, [](int v) { return num(v); }) + "};\n";
    return name;
}

QByteArray Generator::wordArray(const QByteArray &name, const QVector<quint32> &words, bool packedWeights)
{
    m_data += "\nstatic const uint32_t " + name + '[' + num(words.size()) + "] = {"
        + arrayBody(words,
            [](quint32 w) {
                char text[16];
                std::snprintf(text, sizeof text, "0x%08xu", unsigned(w));
                return QByteArray(text);
            })
        + "};\n";
    if (packedWeights)
        m_packedBytes += qint64(words.size()) * 4;
    return name;
}

/// +-1 weights of a float layer as one bit stream (bit i of word i / 32 set: weight i is -1).
QByteArray Generator::signBits(int i, const QVector<float> &values)
{
    QVector<quint32> words((values.size() + 31) / 32, 0u);
    for (qsizetype k = 0; k < values.size(); ++k)
        if (isMinusOne(values[k]))
            words[k / 32] |= quint32(1) << (k % 32);
    m_usesSignAt = true;
    return wordArray(functionName(i, "signs"), words, true);
}

QByteArray Generator::ruleExpression(const Rule &rule, const char *v) const
{
    const QByteArray x(v);
    switch (rule.kind) {
    case Rule::Kind::Sign:
        return m_rep == Rep::Int ? x + " >= 0" : x + " >= 0.0f";
    case Rule::Kind::Int:
        return "(f ? -" + x + " : " + x + ") >= t";
    case Rule::Kind::Float:
        if (m_rep == Rep::Int)
            return "(f ? -(float)" + x + " : (float)" + x + ") >= t";
        return "(f ? -" + x + " : " + x + ") >= t";
    }
    return {};
}

Result<Window> Generator::window(int i) const
{
    const LayerSpec &spec = layer(i).spec;
    Window g;
    g.kh = spec.poolH;
    g.kw = spec.poolW;
    g.sh = spec.poolStrideH > 0 ? spec.poolStrideH : spec.poolH;
    g.sw = spec.poolStrideW > 0 ? spec.poolStrideW : spec.poolW;
    g.ph = g.pw = spec.padding == Padding::Explicit ? spec.paddingAmount : 0;
    if (m_flat || m_map.h < 1)
        return Result<Window>::failure(failure(i, QObject::tr("pooling needs a spatial map")).error());
    if (g.kh < 1 || g.kw < 1 || g.sh < 1 || g.sw < 1 || g.ph < 0 || 2 * g.ph > g.kh || 2 * g.pw > g.kw
        || g.outH(m_map.h) < 1 || g.outW(m_map.w) < 1)
        return Result<Window>::failure(failure(i, QObject::tr("invalid pooling geometry")).error());
    const TensorShape &out = layer(i).output;
    if (out.isImage() && (out.height() != g.outH(m_map.h) || out.width() != g.outW(m_map.w)))
        return Result<Window>::failure(failure(
            i, QObject::tr("the snapshot's output shape %1 does not match the pooling").arg(out.toString()))
                                           .error());
    return g;
}

void Generator::ensureFloat(int i)
{
    if (m_rep != Rep::Int)
        return;
    const int out = m_float;
    const QByteArray fn = functionName(i, "tofloat");
    addFunction("before " + commentText(describe(i)) + ": the integers as floats (exact)",
        fill(kIntToFloat, {{"FN", fn}, {"N", num(m_map.size())}}));
    call(fn, m_int, out, m_map.size());
    m_rep = Rep::Float;
}

void Generator::ensureBits(int i, Layout layout)
{
    if (m_rep == Rep::Bits)
        return; // a chain packed them for this very layer
    binarize(i, std::nullopt, false, Rule{}, layout, QObject::tr("sign of its input"));
}

void Generator::binarize(int i, const std::optional<Window> &pool, bool poolFirst, const Rule &rule,
    Layout layout, const QString &what)
{
    const bool isInt = m_rep == Rep::Int;
    const QByteArray type = isInt ? QByteArrayLiteral("int32_t") : QByteArrayLiteral("float");
    const int oh = pool ? pool->outH(m_map.h) : m_map.h;
    const int ow = pool ? pool->outW(m_map.w) : m_map.w;
    const int units = (m_map.c + 31) / 32;
    const qint64 words
        = layout == Layout::Pixels ? qint64(oh) * ow * units : (qint64(m_map.c) * oh * ow + 31) / 32;

    QByteArray hoist;
    if (rule.kind == Rule::Kind::Int)
        hoist = "        const int f = " + rule.flip + "[c];\n        const int32_t t = " + rule.threshold
            + "[c];\n";
    else if (rule.kind == Rule::Kind::Float)
        hoist = "        const int f = " + rule.flip + "[c];\n        const float t = " + rule.threshold
            + "[c];\n";
    const QByteArray nanDecl = isInt ? QByteArray() : QByteArrayLiteral("                int nan = 0;\n");
    const QByteArray nanTrack
        = isInt ? QByteArray() : QByteArrayLiteral("                            nan |= e != e;\n");
    QByteArray body;
    if (!pool) {
        body = "                const " + type + " v = plane[py * " + num(m_map.w) + " + px];\n"
            + "                const int plus = " + ruleExpression(rule, "v") + ";\n";
    } else if (poolFirst && rule.kind != Rule::Kind::Sign) {
        body = fill(kPoolRule,
            {{"T", type}, {"RULE", ruleExpression(rule, "e")}, {"NANDECL", nanDecl}, {"NAN", nanTrack},
                {"NOTNAN", isInt ? QByteArray() : QByteArrayLiteral(" && !nan")}});
    } else {
        // The sign of a max is the OR of the signs; so is a max pooling after the rule.
        body = fill(kPoolAny,
            {{"T", type}, {"RULE", ruleExpression(rule, "e")}, {"NAN", nanTrack}, {"NANDECL", nanDecl},
                {"NANCLEAR",
                    isInt ? QByteArray()
                          : QByteArrayLiteral("                if (nan)\n                    plus = 0;\n")}});
    }
    if (pool)
        body = fill(body,
            {{"KH", num(pool->kh)}, {"KW", num(pool->kw)}, {"SH", num(pool->sh)}, {"SW", num(pool->sw)},
                {"PH", num(pool->ph)}, {"PW", num(pool->pw)}, {"H", num(m_map.h)}, {"W", num(m_map.w)}});
    const QByteArray fn = functionName(i, "binarize");
    // The pixel layout nests the bodies three levels deeper (12 spaces more).
    const bool pixels = layout == Layout::Pixels;
    addFunction(commentText(describe(i) + QLatin1String(": ") + what),
        fill(pixels ? kBinarizePixels : kBinarizeFlat,
            {{"FN", fn}, {"T", type}, {"WORDS", num(words)}, {"C", num(m_map.c)}, {"U", num(units)},
                {"PLANE", num(m_map.plane())}, {"HOIST", pixels ? indented(hoist, 12) : hoist},
                {"OH", num(oh)}, {"OW", num(ow)}, {"BODY", pixels ? indented(body, 4) : body}}));
    call(fn, isInt ? m_int : m_float, BitBuffer, words);
    m_rep = Rep::Bits;
    m_layout = layout;
    m_map.h = oh;
    m_map.w = ow;
}

Result<Rule> Generator::makeRule(int bnIndex)
{
    const LayerSnapshot &bn = layer(bnIndex);
    const SignThresholds &s = *bn.signThresholds;
    if (s.scale.size() != m_map.c || s.threshold.size() != m_map.c)
        return Result<Rule>::failure(failure(
            bnIndex, QObject::tr("%1 sign thresholds for %2 channels").arg(s.threshold.size()).arg(m_map.c))
                                         .error());
    QVector<int> flip(m_map.c);
    bool integral = m_rep == Rep::Int;
    for (int c = 0; c < m_map.c; ++c) {
        if (s.scale[c] != 1.0f && s.scale[c] != -1.0f)
            return Result<Rule>::failure(
                failure(bnIndex, QObject::tr("sign threshold scale %1 is not +-1").arg(double(s.scale[c])))
                    .error());
        flip[c] = s.scale[c] < 0.0f ? 1 : 0;
        const float t = s.threshold[c];
        integral = integral && std::isfinite(t) && std::floor(t) == t && std::fabs(t) < 2147483647.0f;
    }
    Rule rule;
    rule.flip = flagArray(functionName(bnIndex, "flip"), flip);
    if (integral) {
        QVector<qint32> thresholds(m_map.c);
        for (int c = 0; c < m_map.c; ++c)
            thresholds[c] = qint32(s.threshold[c]);
        rule.kind = Rule::Kind::Int;
        rule.threshold = intArray(functionName(bnIndex, "threshold"), thresholds);
    } else {
        rule.kind = Rule::Kind::Float;
        rule.threshold = floatArray(functionName(bnIndex, "threshold"), s.threshold);
    }
    return rule;
}

Result<int> Generator::chain(int i)
{
    const int n = int(m_model.layers.size());
    int pool = -1, bn = -1;
    bool poolFirst = true, flat = m_flat, flatBeforeBn = false;
    int k = i;
    for (; k < n; ++k) {
        const LayerSpec &spec = layer(k).spec;
        if (spec.type == LayerType::Dropout)
            continue;
        if (spec.type == LayerType::Activation
            && (spec.function == ActivationFunction::None || spec.function == ActivationFunction::Softmax))
            continue;
        if (spec.type == LayerType::Flatten) {
            flat = true;
            continue;
        }
        if (spec.type == LayerType::MaxPool && pool < 0 && !flat) {
            pool = k;
            poolFirst = bn < 0;
            continue;
        }
        if (spec.type == LayerType::BatchNorm && bn < 0 && layer(k).signThresholds) {
            bn = k;
            flatBeforeBn = flat && !m_flat && m_map.plane() > 1; // flattened within the chain
            continue;
        }
        break;
    }
    if ((pool < 0 && bn < 0) || k >= n || !layer(k).spec.hasWeights())
        return -1;
    const LayerSnapshot &next = layer(k);
    const bool conv = next.spec.type == LayerType::Conv2D;
    const bool binary = !next.effective.isEmpty()
        && std::all_of(
            next.effective.begin(), next.effective.end(), [](float v) { return v == 1.0f || v == -1.0f; });
    if (!next.signInput || !binary || (conv && flat))
        return -1;
    if (bn >= 0) {
        const SignThresholds &s = *layer(bn).signThresholds;
        // The thresholds are for the batch norm's input: integers of a binary layer, or floats.
        if (s.integerInput && m_rep != Rep::Int)
            return -1;
        // A flatten before the batch norm makes every feature a channel (no pooling then).
        if (flatBeforeBn && pool >= 0)
            return -1;
        if (s.scale.size() != (flatBeforeBn ? m_map.size() : m_map.c))
            return -1;
    }
    std::optional<Window> geometry;
    if (pool >= 0) {
        Result<Window> g = window(pool);
        if (!g)
            return Result<int>::failure(g.error());
        geometry = *g;
    }
    if (flatBeforeBn)
        m_map = Map{int(m_map.size()), 1, 1};
    Rule rule;
    if (bn >= 0) {
        Result<Rule> r = makeRule(bn);
        if (!r)
            return Result<int>::failure(r.error());
        rule = *r;
    }
    const QString target = QObject::tr("the input bits of layer %1").arg(k + 1);
    QString what;
    if (pool >= 0 && bn >= 0)
        what = poolFirst
            ? QObject::tr("max pooling, then the sign thresholds of layer %1: %2").arg(bn + 1).arg(target)
            : QObject::tr("the sign thresholds of layer %1, then max pooling as an OR of the bits: %2")
                  .arg(bn + 1)
                  .arg(target);
    else if (bn >= 0)
        what = QObject::tr("the sign thresholds of layer %1: %2").arg(bn + 1).arg(target);
    else
        what = QObject::tr("max pooling, then the sign: %1").arg(target);
    const bool integers = m_rep == Rep::Int;
    binarize(i, geometry, poolFirst, rule, conv ? Layout::Pixels : Layout::Flat, what);
    for (int j = i; j < k; ++j) {
        if (j == pool)
            addPlan(j,
                QObject::tr("max over the %1, fused into the input bits of layer %2")
                    .arg(integers ? QObject::tr("integers") : QObject::tr("floats"))
                    .arg(k + 1));
        else if (j == bn)
            addPlan(j,
                QObject::tr("with the sign of layer %1: per channel (flip ? -v : v) >= threshold on its %2 "
                            "input v (QuantBench's thresholds)")
                    .arg(k + 1)
                    .arg(rule.kind == Rule::Kind::Int ? QObject::tr("integer") : QObject::tr("float")));
        else
            addPlan(j, QObject::tr("identity"));
    }
    m_flat = flat;
    return k;
}

Status Generator::weighted(int i)
{
    const LayerSnapshot &l = layer(i);
    const bool conv = l.spec.type == LayerType::Conv2D;
    if (!l.spec.inputQuantizer.isNone() && !l.signInput)
        return failure(i,
            QObject::tr("its input quantizer '%1' has no C form (the C export knows the sign quantizer only)")
                .arg(l.spec.inputQuantizer.name));
    const QVector<int> &shape = l.weightShape;
    if (shape.size() != (conv ? 4 : 2)
        || std::any_of(shape.begin(), shape.end(), [](int d) { return d < 1; }))
        return failure(i, QObject::tr("unexpected weight shape"));
    qint64 count = 1;
    for (int d : shape)
        count *= d;
    if (l.effective.size() != count)
        return failure(
            i, QObject::tr("%1 effective weights for %2 in the shape").arg(l.effective.size()).arg(count));
    if (!std::all_of(l.effective.begin(), l.effective.end(), [](float v) { return std::isfinite(v); }))
        return failure(i, QObject::tr("a weight is not finite"));
    const int outputs = shape[0];
    if (!l.bias.isEmpty() && l.bias.size() != outputs)
        return failure(i, QObject::tr("%1 biases for %2 outputs").arg(l.bias.size()).arg(outputs));
    const bool binary = std::all_of(
        l.effective.begin(), l.effective.end(), [](float v) { return v == 1.0f || v == -1.0f; });
    // A conv with a bias starts its sums at the bias in torch (oneDNN): with float partial sums
    // that XNOR's exact integer plus one bias addition would not round alike; dense layers add the
    // bias last (BLAS), which the integer sum plus the bias reproduces.
    const bool bias = !l.bias.isEmpty();
    const bool xnor = l.signInput && binary && !(conv && bias);
    const QByteArray biasArray = bias ? floatArray(functionName(i, "bias"), l.bias) : QByteArray();

    Map out;
    int c = 0, kh = 1, kw = 1;
    if (conv) {
        c = shape[1];
        kh = shape[2];
        kw = shape[3];
        if (m_flat || c != m_map.c)
            return failure(i,
                QObject::tr("its input is %1, the weights take %2 channels")
                    .arg(TensorShape::image(m_map.c, m_map.h, m_map.w).toString())
                    .arg(c));
        if (l.strideH < 1 || l.strideW < 1 || l.padTop < 0 || l.padBottom < 0 || l.padLeft < 0
            || l.padRight < 0)
            return failure(i, QObject::tr("invalid stride or padding"));
        out = Map{outputs, (m_map.h + l.padTop + l.padBottom - kh) / l.strideH + 1,
            (m_map.w + l.padLeft + l.padRight - kw) / l.strideW + 1};
        if (out.h < 1 || out.w < 1)
            return failure(i, QObject::tr("the kernel does not fit the input"));
    } else {
        if (shape[1] != m_map.size())
            return failure(i,
                QObject::tr("its input has %1 values, the weights take %2").arg(m_map.size()).arg(shape[1]));
        out = Map{outputs, 1, 1};
    }
    if (l.output.isValid() && l.output.elementCount() != out.size())
        return failure(i,
            QObject::tr("the snapshot's output shape %1 does not match the weights and padding")
                .arg(l.output.toString()));
    const QByteArray fn = functionName(i, conv ? "conv" : "dense");
    const Fill geometry = {{"FN", fn}, {"O", num(outputs)}, {"C", num(c)}, {"H", num(m_map.h)},
        {"W", num(m_map.w)}, {"KH", num(kh)}, {"KW", num(kw)}, {"SH", num(l.strideH)}, {"SW", num(l.strideW)},
        {"PT", num(l.padTop)}, {"PL", num(l.padLeft)}, {"OH", num(out.h)}, {"OW", num(out.w)},
        {"OPLANE", num(out.plane())}, {"F", num(m_map.size())}, {"TAPS", num(qint64(kh) * kw)}};

    if (xnor) {
        const Layout layout = conv ? Layout::Pixels : Layout::Flat;
        const bool packedHere = m_rep != Rep::Bits;
        ensureBits(i, layout);
        // Filters packed as the input: conv [O][KH][KW][units], dense [O][units] in flattening order.
        const int units = conv ? (c + 31) / 32 : int((m_map.size() + 31) / 32);
        const qint64 row = conv ? qint64(kh) * kw * units : units;
        QVector<quint32> words(outputs * row, 0u);
        for (int o = 0; o < outputs; ++o) {
            if (conv) {
                for (int ch = 0; ch < c; ++ch)
                    for (int y = 0; y < kh; ++y)
                        for (int x = 0; x < kw; ++x)
                            if (isMinusOne(l.effective[((qint64(o) * c + ch) * kh + y) * kw + x]))
                                words[o * row + (y * kw + x) * units + ch / 32] |= quint32(1) << (ch % 32);
            } else {
                const qint64 f = m_map.size();
                for (qint64 k = 0; k < f; ++k)
                    if (isMinusOne(l.effective[o * f + k]))
                        words[o * row + k / 32] |= quint32(1) << (k % 32);
            }
        }
        const QByteArray weights = wordArray(functionName(i, "weights"), words, true);
        const QByteArray dot
            = conv ? QByteArrayLiteral("n * @C@ - 2 * miss") : QByteArrayLiteral("@F@ - 2 * miss");
        const QByteArray value = bias ? "(float)(" + dot + ") + " + biasArray + "[o]" : dot;
        const qint64 outSize = out.size();
        addFunction(commentText(describe(i) + QLatin1String(": XNOR-popcount")),
            fill(fill(conv ? kConvXnor : kDenseXnor,
                     {{"OUTT", bias ? QByteArrayLiteral("float") : QByteArrayLiteral("int32_t")},
                         {"VALUE", value}, {"WEIGHTS", weights}, {"U", num(units)}, {"ROW", num(row)}}),
                geometry));
        m_usesPopcount = true;
        const int target = bias ? m_float : m_int;
        call(fn, BitBuffer, target, outSize);
        m_dotLength = conv ? qint64(c) * kh * kw : m_map.size();
        m_rep = bias ? Rep::Float : Rep::Int;
        addPlan(i,
            QObject::tr("%1XNOR-popcount, %2 words per %3%4")
                .arg(packedHere ? QObject::tr("the sign of its input packed to bits, then ") : QString())
                .arg(row)
                .arg(conv ? QObject::tr("filter") : QObject::tr("row"))
                .arg(bias ? QObject::tr(", then + bias (float)") : QString()));
    } else {
        ensureFloat(i);
        if (l.signInput) {
            const QByteArray signFn = functionName(i, "sign");
            addFunction(commentText(describe(i) + QLatin1String(": its sign input quantizer (sign(0) = +1)")),
                fill(kSignToFloat, {{"FN", signFn}, {"N", num(m_map.size())}}));
            call(signFn, m_float, m_float, m_map.size());
        }
        const QByteArray windex = conv ? QByteArrayLiteral("((o * @C@ + c) * @KH@ + ky) * @KW@ + kx")
                                       : QByteArrayLiteral("o * @F@ + k");
        const QByteArray weight = binary
            ? "sign_at(" + signBits(i, l.effective) + ", " + windex + ')'
            : floatArray(functionName(i, "weights"), l.effective) + '[' + windex + ']';
        // +-1 weights add or subtract (the same roundings as adding s * x), float weights multiply.
        const QByteArray tapLoop = binary
            ? QByteArrayLiteral(
                "                        if (s > 0.0f)\n"
                "                            for (int ox = x0; ox < x1; ++ox)\n"
                "                                acc[ox] = acc[ox] + row[ox * @SW@ - @PL@ + kx];\n"
                "                        else\n"
                "                            for (int ox = x0; ox < x1; ++ox)\n"
                "                                acc[ox] = acc[ox] - row[ox * @SW@ - @PL@ + kx];\n")
            : QByteArrayLiteral(
                "                        for (int ox = x0; ox < x1; ++ox)\n"
                "                            acc[ox] = acc[ox] + s * row[ox * @SW@ - @PL@ + kx];\n");
        QByteArray biasText;
        if (bias && !conv)
            biasText = "        acc = acc + " + biasArray + "[o];\n";
        const int target = m_float == F0 ? F1 : F0;
        addFunction(
            commentText(describe(i)
                + (binary ? QLatin1String(": +-1 weights on floats") : QLatin1String(": float weights"))),
            fill(fill(conv ? kConvFloat : kDenseFloat,
                     {{"SEXPR", weight}, {"BIAS", biasText}, {"TAPLOOP", tapLoop},
                         {"START", bias ? biasArray + "[o]" : QByteArrayLiteral("0.0f")}}),
                geometry));
        call(fn, m_float, target, out.size());
        m_float = target;
        m_rep = Rep::Float;
        addPlan(i,
            binary ? QObject::tr("+-1 weights (bit-packed) on floats, taps summed from +0 in %1 order%2")
                         .arg(conv ? QObject::tr("(channel, row, column)") : QObject::tr("input"))
                         .arg(bias ? QObject::tr(", then + bias") : QString())
                   : QObject::tr("float weights, float sums%1")
                         .arg(bias ? QObject::tr(", then + bias") : QString()));
    }
    m_map = out;
    m_flat = !conv;
    return {};
}

Status Generator::other(int i)
{
    const LayerSnapshot &l = layer(i);
    switch (l.spec.type) {
    case LayerType::Dropout:
        addPlan(i, QObject::tr("identity (evaluation)"));
        return {};
    case LayerType::Flatten:
        m_map = Map{int(m_map.size()), 1, 1};
        m_flat = true;
        addPlan(i, QObject::tr("identity (maps are stored in CHW order, the flattening order)"));
        return {};
    case LayerType::Activation:
        switch (l.spec.function) {
        case ActivationFunction::None:
        case ActivationFunction::Softmax:
            addPlan(i, QObject::tr("identity (the logits are the values before any softmax)"));
            return {};
        case ActivationFunction::ReLU:
        case ActivationFunction::HardTanh:
        case ActivationFunction::Tanh: {
            ensureFloat(i);
            const QByteArray expr = l.spec.function == ActivationFunction::ReLU
                ? QByteArrayLiteral("v < 0.0f ? 0.0f : v")
                : l.spec.function == ActivationFunction::HardTanh
                ? QByteArrayLiteral("v < -1.0f ? -1.0f : (v > 1.0f ? 1.0f : v)")
                : QByteArrayLiteral("tanhf(v)");
            const QByteArray fn = functionName(i, "activation");
            addFunction(commentText(describe(i)),
                fill(kActivation, {{"FN", fn}, {"N", num(m_map.size())}, {"EXPR", expr}}));
            call(fn, m_float, m_float, m_map.size());
            addPlan(i, QString::fromUtf8(expr));
            return {};
        }
        }
        return failure(i, QObject::tr("unknown activation"));
    case LayerType::Leaky:
    case LayerType::Synaptic:
        return failure(i, QObject::tr("spiking layers run over time steps, which the C export does not generate"));
    case LayerType::MaxPool:
    case LayerType::AvgPool: {
        Result<Window> g = window(i);
        if (!g)
            return Status::failure(g.error());
        const bool max = l.spec.type == LayerType::MaxPool;
        if (!max)
            ensureFloat(i);
        const bool isInt = m_rep == Rep::Int;
        const QByteArray type = isInt ? QByteArrayLiteral("int32_t") : QByteArrayLiteral("float");
        const QByteArray body = max
            ? fill(g->ph == 0 && g->pw == 0 ? kPoolMaxInside : kPoolMax,
                {{"T", type}, {"NANCHECK", isInt ? QByteArray() : QByteArrayLiteral(" || e != e")}})
            : QByteArray(kPoolAverage);
        const Map out{m_map.c, g->outH(m_map.h), g->outW(m_map.w)};
        const QByteArray fn = functionName(i, max ? "maxpool" : "avgpool");
        addFunction(commentText(describe(i)),
            fill(kPool,
                {{"FN", fn}, {"T", type}, {"BODY", body}, {"C", num(m_map.c)}, {"PLANE", num(m_map.plane())},
                    {"OH", num(out.h)}, {"OW", num(out.w)}, {"KH", num(g->kh)}, {"KW", num(g->kw)},
                    {"SH", num(g->sh)}, {"SW", num(g->sw)}, {"PH", num(g->ph)}, {"PW", num(g->pw)},
                    {"H", num(m_map.h)}, {"W", num(m_map.w)}}));
        const int in = isInt ? m_int : m_float;
        const int target = isInt ? (m_int == I0 ? I1 : I0) : (m_float == F0 ? F1 : F0);
        call(fn, in, target, out.size());
        (isInt ? m_int : m_float) = target;
        m_map = out;
        addPlan(i,
            max ? (isInt ? QObject::tr("max over the integers") : QObject::tr("max (NaN wins, as torch)"))
                : QObject::tr("average over the cells inside the image"));
        return {};
    }
    case LayerType::BatchNorm: {
        const int channels = m_map.c;
        if (l.runningMean.size() != channels || l.runningVar.size() != channels
            || (!l.gamma.isEmpty() && l.gamma.size() != channels)
            || (!l.beta.isEmpty() && l.beta.size() != channels))
            return failure(i, QObject::tr("its statistics do not have %1 channels").arg(channels));
        const QByteArray fn = functionName(i, "batchnorm");
        if (m_rep == Rep::Int && l.table && l.table->dotLength >= m_dotLength
            && l.table->values.size() == qint64(channels) * (2 * l.table->dotLength + 1)) {
            const QByteArray table = floatArray(functionName(i, "table"), l.table->values);
            addFunction(commentText(describe(i) + QLatin1String(": torch's outputs for every integer input")),
                fill(kTable,
                    {{"FN", fn}, {"C", num(channels)}, {"PLANE", num(m_map.plane())}, {"TABLE", table},
                        {"ROW", num(2 * l.table->dotLength + 1)}, {"K", num(l.table->dotLength)}}));
            call(fn, m_int, m_float, m_map.size());
            m_rep = Rep::Float;
            addPlan(i,
                QObject::tr("table of QuantBench's outputs for the integers in [-%1, %1]")
                    .arg(l.table->dotLength));
            return {};
        }
        ensureFloat(i);
        // As torch's vectorized CPU kernel in evaluation (x86-64 with AVX2, where its code is
        // compiled with fused multiply-adds): alpha = invstd * gamma with invstd = 1 / sqrt(var + eps),
        // beta' = fma(-mean, alpha, beta), y = fma(x, alpha, beta'); tst_cexport checks it against
        // torch::batch_norm bit for bit.
        QVector<float> alpha(channels), beta(channels);
        for (int c = 0; c < channels; ++c) {
            const float invstd = 1.0f / std::sqrt(l.runningVar[c] + float(l.epsilon));
            alpha[c] = l.gamma.isEmpty() ? invstd : invstd * l.gamma[c];
            beta[c] = std::fma(-l.runningMean[c], alpha[c], l.beta.isEmpty() ? 0.0f : l.beta[c]);
        }
        const QByteArray a = floatArray(functionName(i, "alpha"), alpha);
        const QByteArray b = floatArray(functionName(i, "beta"), beta);
        addFunction(commentText(describe(i)),
            fill(kBatchNorm,
                {{"FN", fn}, {"C", num(channels)}, {"PLANE", num(m_map.plane())}, {"A", a}, {"B", b}}));
        call(fn, m_float, m_float, m_map.size());
        addPlan(i,
            QObject::tr("x * alpha + beta per channel (alpha = gamma / sqrt(var + eps), beta = beta - mean * "
                        "alpha)"));
        return {};
    }
    case LayerType::Conv2D:
    case LayerType::Dense:
        break;
    }
    return failure(i, QObject::tr("this layer type has no C form"));
}

Result<CLibrarySources> Generator::generate()
{
    using R = Result<CLibrarySources>;
    const ModelSnapshot &m = m_model;
    if (m.encoding.tabular)
        return R::failure(QObject::tr("the C export takes image bytes; tabular inputs (%1) are not supported")
                              .arg(m.datasetName));
    // A flat input (an MLP on images) reads the image's bytes in their stored order.
    if (!(m.inputShape.isImage() || m.inputShape.isFlat()) || !m.inputShape.isValid()
        || m.inputShape.elementCount() < 1)
        return R::failure(
            QObject::tr("the input shape %1 is neither an image nor a vector").arg(m.inputShape.toString()));
    if (m.classes < 1)
        return R::failure(QObject::tr("the model has no classes"));
    m_map = Map{m.inputShape.channels(), m.inputShape.height(), m.inputShape.width()};
    m_flat = m.inputShape.isFlat();

    // The input: the 256 values a byte encodes to, computed as the batcher does (two roundings).
    QVector<float> encoded(256);
    for (int p = 0; p < 256; ++p) {
        const volatile float scaled = float(p) * m.encoding.scale; // rounded on its own, never fused
        encoded[p] = scaled + m.encoding.offset;
    }
    floatArray("input_value", encoded);
    m_plan += " *   input: the 256 byte values' encodings looked up, " + num(m_map.size()) + " floats\n";
    m_body += "    encode_input(pixels, ws->f0);\n";
    m_capacity[F0] = m_map.size();
    m_rep = Rep::Float;
    m_float = F0;

    for (int i = 0; i < m.layers.size(); ++i) {
        const LayerSpec &spec = layer(i).spec;
        if (spec.hasWeights()) {
            if (const Status s = weighted(i); !s)
                return R::failure(s.error());
            continue;
        }
        if (m_rep != Rep::Bits) {
            const Result<int> next = chain(i);
            if (!next)
                return R::failure(next.error());
            if (*next >= 0) {
                i = *next - 1;
                continue;
            }
        }
        if (const Status s = other(i); !s)
            return R::failure(s.error());
    }
    ensureFloat(int(m.layers.size()) - 1);
    if (m_rep != Rep::Float || m_map.size() != m.classes)
        return R::failure(
            QObject::tr("the network ends with %1 values for %2 classes").arg(m_map.size()).arg(m.classes));

    CLibrarySources out;
    out.packedWeightBytes = m_packedBytes;
    out.workspaceBytes
        = 4 * (m_capacity[F0] + m_capacity[F1] + m_capacity[I0] + m_capacity[I1] + m_capacity[BitBuffer]);

    QStringList names = m.classNames;
    while (names.size() < m.classes)
        names << QString::number(names.size());
    QByteArray classNames;
    for (int c = 0; c < m.classes; ++c)
        classNames += "\n    " + cString(names[c]) + (c + 1 < m.classes ? "," : "");
    QByteArray helpers;
    if (m_usesPopcount)
        helpers += QByteArray(kPopcount) + kPopcount64;
    if (m_usesSignAt)
        helpers += kSignAt;

    const QString run = m.runId >= 0 ? QObject::tr("run %1 (\"%2\")").arg(m.runId).arg(m.runName)
                                     : QObject::tr("\"%1\"").arg(m.runName);
    const Fill common
        = {{"P", m_p}, {"PU", m_pu}, {"VERSION", commentText(m.quantbenchVersion)}, {"RUN", commentText(run)},
            {"NETWORK", commentText(m.experiment.network.name)}, {"DATASET", commentText(m.datasetName)},
            {"CHANNELS", num(m_model.inputShape.channels())}, {"HEIGHT", num(m_model.inputShape.height())},
            {"WIDTH", num(m_model.inputShape.width())}, {"SIZE", num(m_model.inputShape.elementCount())},
            {"CLASSES", num(m.classes)}, {"SCALE", cFloat(m.encoding.scale)},
            {"OFFSET", cFloat(m.encoding.offset)}, {"PACKED", num(m_packedBytes)},
            {"WSBYTES", num(out.workspaceBytes)}, {"F0", num(m_capacity[F0])}, {"F1", num(m_capacity[F1])},
            {"I0", num(m_capacity[I0])}, {"I1", num(m_capacity[I1])}, {"BITS", num(m_capacity[BitBuffer])},
            {"NONIDEAL", m.nonidealitiesDropped ? QByteArrayLiteral(kNonidealNote) : QByteArray()}};
    out.header = fill(fill(kHeader, {{"PLAN", m_plan}}), common);
    out.source = fill(fill(kSource,
                          {{"HELPERS", helpers}, {"DATA", m_data}, {"FUNCTIONS", m_functions},
                              {"BODY", m_body}, {"RESULT", bufferName(m_float)}, {"NAMES", classNames}}),
        common);
    out.main = fill(kMain, common);
    return out;
}

} // namespace

bool isCLibraryPrefix(const QString &prefix)
{
    static const QStringList keywords = {QStringLiteral("auto"), QStringLiteral("break"),
        QStringLiteral("case"), QStringLiteral("char"), QStringLiteral("const"), QStringLiteral("continue"),
        QStringLiteral("default"), QStringLiteral("do"), QStringLiteral("double"), QStringLiteral("else"),
        QStringLiteral("enum"), QStringLiteral("extern"), QStringLiteral("float"), QStringLiteral("for"),
        QStringLiteral("goto"), QStringLiteral("if"), QStringLiteral("inline"), QStringLiteral("int"),
        QStringLiteral("long"), QStringLiteral("register"), QStringLiteral("restrict"),
        QStringLiteral("return"), QStringLiteral("short"), QStringLiteral("signed"), QStringLiteral("sizeof"),
        QStringLiteral("static"), QStringLiteral("struct"), QStringLiteral("switch"),
        QStringLiteral("typedef"), QStringLiteral("union"), QStringLiteral("unsigned"),
        QStringLiteral("void"), QStringLiteral("volatile"), QStringLiteral("while")};
    if (prefix.isEmpty() || prefix.size() > 40 || keywords.contains(prefix))
        return false;
    for (int k = 0; k < prefix.size(); ++k) {
        const QChar ch = prefix[k];
        const bool letter = (ch >= QLatin1Char('a') && ch <= QLatin1Char('z'))
            || (ch >= QLatin1Char('A') && ch <= QLatin1Char('Z'));
        const bool digit = ch >= QLatin1Char('0') && ch <= QLatin1Char('9');
        if (!(letter || (k > 0 && (digit || ch == QLatin1Char('_')))))
            return false;
    }
    return true;
}

Result<CLibrarySources> generateCLibrary(const ModelSnapshot &model, const QString &prefix)
{
    if (!isCLibraryPrefix(prefix))
        return Result<CLibrarySources>::failure(QObject::tr(
            "'%1' cannot prefix a C library: use a C identifier of letters, digits and underscores that "
            "starts with a letter and is no C keyword (at most 40 characters)")
                                                    .arg(prefix));
    return Generator(model, prefix).generate();
}

Status writeCLibrary(const ModelSnapshot &model, const QString &folder, const QString &prefix)
{
    const Result<CLibrarySources> sources = generateCLibrary(model, prefix);
    if (!sources)
        return Status::failure(sources.error());
    const QDir dir(folder);
    return writeFilesAtomically({{dir.filePath(prefix + QStringLiteral(".h")), sources->header},
        {dir.filePath(prefix + QStringLiteral(".c")), sources->source},
        {dir.filePath(prefix + QStringLiteral("_main.c")), sources->main}});
}

} // namespace qb
