#include "layerpalette.h"

#include "layermime.h"
#include "layerpalettelist.h"
#include "layerstyle.h"
#include "quant/quantizercatalog.h"

#include <QEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QVBoxLayout>

namespace qb {

namespace {

QuantizerSpec steSign()
{
    QuantizerSpec q;
    q.name = QStringLiteral("ste_sign");
    q.params.insert(QStringLiteral("clip"), 1.0);
    return q;
}

/// Larq's binary layer: ste_sign on inputs and weights, weights clipped to [-1, 1], no bias
/// (the batch norm that follows provides the offset).
void makeBinary(LayerSpec *layer)
{
    layer->inputQuantizer = steSign();
    layer->kernelQuantizer = steSign();
    layer->kernelClip = 1.0;
    layer->useBias = false;
}

} // namespace

LayerPalette::LayerPalette(QWidget *parent)
    : QWidget(parent)
    , m_filter(new QLineEdit(this))
    , m_list(new LayerPaletteList(this))
{
    m_filter->setPlaceholderText(tr("Filter layers…"));
    m_filter->setClearButtonEnabled(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    populate();

    connect(m_filter, &QLineEdit::textChanged, this, &LayerPalette::applyFilter);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT layerActivated(templateFor(item->data(Qt::UserRole).toInt()));
    });
}

LayerSpec LayerPalette::templateFor(int row)
{
    LayerSpec layer;
    switch (row) {
    case Conv2DTemplate:
        layer.type = LayerType::Conv2D;
        break;
    case QuantConv2DBinaryTemplate:
        layer.type = LayerType::Conv2D;
        makeBinary(&layer);
        break;
    case QuantDenseBinaryTemplate:
        layer.type = LayerType::Dense;
        makeBinary(&layer);
        break;
    case BatchNormTemplate:
        layer.type = LayerType::BatchNorm;
        break;
    case MaxPoolTemplate:
        layer.type = LayerType::MaxPool;
        break;
    case AvgPoolTemplate:
        layer.type = LayerType::AvgPool;
        break;
    case FlattenTemplate:
        layer.type = LayerType::Flatten;
        break;
    case DropoutTemplate:
        layer.type = LayerType::Dropout;
        layer.rate = 0.25;
        break;
    case ActivationTemplate:
        layer.type = LayerType::Activation;
        layer.function = ActivationFunction::ReLU;
        break;
    case LeakyTemplate:
        layer.type = LayerType::Leaky;
        break;
    case SynapticTemplate:
        layer.type = LayerType::Synaptic;
        break;
    case DenseTemplate:
    default:
        layer.type = LayerType::Dense;
        break;
    }
    return layer;
}

QString LayerPalette::templateTitle(int row)
{
    switch (row) {
    case QuantConv2DBinaryTemplate:
        return tr("QuantConv2D (binary)");
    case QuantDenseBinaryTemplate:
        return tr("QuantDense (binary)");
    case LeakyTemplate:
        return tr("Leaky (LIF)");
    case SynapticTemplate:
        return tr("Synaptic");
    default:
        return LayerStyle::displayType(templateFor(row));
    }
}

QString LayerPalette::templateDescription(int row)
{
    switch (row) {
    case Conv2DTemplate:
        return tr("2-D convolution in full precision: slides learned filters over the feature maps "
                  "(32 filters of 3×3 to start with).");
    case QuantConv2DBinaryTemplate:
        return tr("Binary convolution as in Larq: inputs and weights pass through ste_sign (±1), the "
                  "latent weights are clipped to [-1, 1], no bias. Follow it with BatchNorm.");
    case DenseTemplate:
        return tr("Fully connected layer in full precision; needs a flat input (put a Flatten before "
                  "it). The last dense layer gives the class scores.");
    case QuantDenseBinaryTemplate:
        return tr("Binary fully connected layer as in Larq: ste_sign on inputs and weights, weights "
                  "clipped to [-1, 1], no bias.");
    case BatchNormTemplate:
        return tr("Batch normalization: normalizes each channel with running statistics and a "
                  "learned scale and offset. Essential after binary layers.");
    case MaxPoolTemplate:
        return tr("Max pooling: keeps the largest value of each 2×2 window, halving height and width.");
    case AvgPoolTemplate:
        return tr("Average pooling: averages each 2×2 window, halving height and width.");
    case FlattenTemplate:
        return tr("Flattens feature maps (channels × height × width) into one vector for dense layers.");
    case DropoutTemplate:
        return tr("Dropout: zeroes a random fraction of the values during training to reduce "
                  "overfitting; does nothing at evaluation.");
    case ActivationTemplate:
        return tr("Element-wise nonlinearity (ReLU, hard tanh, tanh) or the final softmax.");
    case LeakyTemplate:
        return tr("Leaky integrate-and-fire neurons (snnTorch's Leaky): each value is a membrane that "
                  "decays by β every time step, adds its input and spikes when it crosses the "
                  "threshold θ. Makes the network spiking: it then runs over the network's time steps.");
    case SynapticTemplate:
        return tr("Second-order LIF neurons (snnTorch's Synaptic): the input first charges a synaptic "
                  "current that decays by α, which then feeds a leaky membrane (β, threshold θ).");
    default:
        return QString();
    }
}

LayerSpec LayerPalette::forPosition(const LayerSpec &templ, int index)
{
    LayerSpec placed = templ;
    const bool binaryInput
        = !templ.inputQuantizer.name.isEmpty() && QuantizerCatalog::bits(templ.inputQuantizer) == 1;
    if (index == 0 && binaryInput && (templ.type == LayerType::Conv2D || templ.type == LayerType::Dense))
        placed.inputQuantizer = QuantizerSpec();
    return placed;
}

QString LayerPalette::firstLayerHint()
{
    return tr("As the first layer, a binary layer keeps a float input (no input quantizer): Larq's "
              "tutorial keeps the first layer's input in full precision, because binarizing the raw "
              "image throws most of it away. Its weights stay binary.");
}

QMimeData *LayerPalette::createMimeData(int row) { return LayerMime::encodeLayer(templateFor(row)); }

QListWidget *LayerPalette::listWidget() const { return m_list; }

void LayerPalette::populate()
{
    m_list->clear();
    for (int row = 0; row < TemplateCount; ++row) {
        auto *item = new QListWidgetItem(LayerStyle::icon(templateFor(row), palette()), templateTitle(row));
        item->setData(Qt::UserRole, row);
        const bool binary = row == QuantConv2DBinaryTemplate || row == QuantDenseBinaryTemplate;
        item->setToolTip(binary ? templateDescription(row) + QStringLiteral("\n\n") + firstLayerHint()
                                : templateDescription(row));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        m_list->addItem(item);
    }
    applyFilter(m_filter->text());
}

void LayerPalette::applyFilter(const QString &text)
{
    const QString needle = text.trimmed();
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const bool match = needle.isEmpty() || item->text().contains(needle, Qt::CaseInsensitive)
            || item->toolTip().contains(needle, Qt::CaseInsensitive);
        item->setHidden(!match);
    }
}

void LayerPalette::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::LanguageChange)
        populate();
}

} // namespace qb
