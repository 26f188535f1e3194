#include "inspector/batchapplydialog.h"

#include "document/networkdocument.h"
#include "inspector/compactdoublespinbox.h"
#include "inspector/issuehighlight.h"
#include "noise/noisecatalog.h"
#include "spec/networktransforms.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace qb {

namespace {

QLabel *explanation(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setEnabled(false); // greyed: an explanation, not a control
    label->setContentsMargins(24, 0, 0, 6);
    return label;
}

/// The catalogue's sigma range and default for weight noise, so the dialog matches the inspector.
NoiseParam weightNoiseSigma()
{
    if (const NoiseInfo *info = NoiseCatalog::find(QStringLiteral("weight_noise"))) {
        for (const NoiseParam &p : info->params) {
            if (p.key == QLatin1String("sigma"))
                return p;
        }
    }
    return numberParam(QStringLiteral("sigma"), 0.01, 0.0, 10.0, QString());
}

} // namespace

BatchApplyDialog::BatchApplyDialog(QWidget *parent)
    : QDialog(parent)
    , m_binarize(new QRadioButton(tr("Binarize all hidden layers"), this))
    , m_noise(new QRadioButton(tr("Add weight noise to all conv/dense layers"), this))
    , m_strip(new QRadioButton(tr("Remove all quantizers and nonidealities"), this))
    , m_sigma(new CompactDoubleSpinBox(this))
    , m_preview(new QLabel(this))
{
    setWindowTitle(tr("Apply to All Layers"));
    m_binarize->setObjectName(QStringLiteral("binarize"));
    m_noise->setObjectName(QStringLiteral("addWeightNoise"));
    m_strip->setObjectName(QStringLiteral("removeQuantization"));
    m_sigma->setObjectName(QStringLiteral("sigma"));
    m_preview->setObjectName(QStringLiteral("preview"));

    auto *group = new QButtonGroup(this);
    group->addButton(m_binarize);
    group->addButton(m_noise);
    group->addButton(m_strip);
    m_binarize->setChecked(true);

    const QString binarizeText
        = tr("Every conv/dense layer gets binary (ste_sign) weights clipped to [-1, 1] and binary "
             "inputs, as in Larq's BNNs. The first layer keeps full-precision inputs (the image).");
    const QString noiseText
        = tr("Every conv/dense layer gets additive Gaussian weight noise, drawn on every forward pass in "
             "training and evaluation: W + N(0, (sigma * max|W|)^2). A layer that already has weight "
             "noise gets the new sigma.");
    const QString stripText
        = tr("Every conv/dense layer loses its quantizers, weight clip and nonidealities: the float "
             "baseline twin with the same structure (its name gets the suffix \"(float baseline)\").");
    m_binarize->setToolTip(richToolTip(binarizeText));
    m_noise->setToolTip(richToolTip(noiseText));
    m_strip->setToolTip(richToolTip(stripText));

    const NoiseParam sigma = weightNoiseSigma();
    m_sigma->setRange(sigma.minimum, sigma.maximum);
    m_sigma->setValue(sigma.defaultNumber);
    m_sigma->setZeroStep(0.001);
    m_sigma->setToolTip(richToolTip(
        tr("Standard deviation of the noise, relative to the largest weight magnitude of each layer "
           "(0.01 = 1 %).")));
    auto *sigmaLabel = new QLabel(tr("\u03c3 (sigma)"), this); // σ
    sigmaLabel->setBuddy(m_sigma);
    sigmaLabel->setToolTip(m_sigma->toolTip());
    auto *sigmaRow = new QHBoxLayout;
    sigmaRow->setContentsMargins(24, 0, 0, 0);
    sigmaRow->addWidget(sigmaLabel);
    sigmaRow->addWidget(m_sigma);
    sigmaRow->addStretch(1);

    m_preview->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Apply"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Apply one change to every layer; it is a single step to undo."), this));
    layout->addWidget(m_binarize);
    layout->addWidget(explanation(binarizeText, this));
    layout->addWidget(m_noise);
    layout->addLayout(sigmaRow);
    layout->addWidget(explanation(noiseText, this));
    layout->addWidget(m_strip);
    layout->addWidget(explanation(stripText, this));
    layout->addWidget(m_preview);
    layout->addWidget(buttons);

    connect(group, &QButtonGroup::buttonToggled, this, &BatchApplyDialog::updateState);
    connect(m_sigma, &QDoubleSpinBox::valueChanged, this, &BatchApplyDialog::updateState);
    updateState();
}

BatchApplyDialog::Action BatchApplyDialog::action() const
{
    if (m_noise->isChecked())
        return Action::AddWeightNoise;
    if (m_strip->isChecked())
        return Action::RemoveQuantization;
    return Action::BinarizeHiddenLayers;
}

void BatchApplyDialog::setAction(Action action)
{
    switch (action) {
    case Action::BinarizeHiddenLayers:
        m_binarize->setChecked(true);
        break;
    case Action::AddWeightNoise:
        m_noise->setChecked(true);
        break;
    case Action::RemoveQuantization:
        m_strip->setChecked(true);
        break;
    }
}

double BatchApplyDialog::sigma() const { return m_sigma->value(); }

void BatchApplyDialog::setSigma(double sigma) { m_sigma->setValue(sigma); }

void BatchApplyDialog::setNetwork(const NetworkSpec &network)
{
    m_network = network;
    m_hasNetwork = true;
    updateState();
}

QString BatchApplyDialog::previewText() const { return m_preview->text(); }

void BatchApplyDialog::updateState()
{
    m_sigma->setEnabled(action() == Action::AddWeightNoise);
    if (!m_hasNetwork) {
        m_preview->clear();
        return;
    }
    const NetworkSpec after = transformed(m_network, action(), sigma());
    int changed = 0;
    for (int i = 0; i < m_network.layers.size() && i < after.layers.size(); ++i) {
        if (m_network.layers[i] != after.layers[i])
            ++changed;
    }
    m_preview->setText(changed == 0 ? tr("This changes nothing in the current network.")
                                    : tr("This changes %n of the network's layers.", nullptr, changed));
}

NetworkSpec BatchApplyDialog::transformed(const NetworkSpec &network, Action action, double sigma)
{
    switch (action) {
    case Action::BinarizeHiddenLayers:
        return binarizeHiddenLayers(network);
    case Action::AddWeightNoise:
        return withWeightNoise(network, sigma);
    case Action::RemoveQuantization:
        return withoutQuantization(network);
    }
    return network;
}

QString BatchApplyDialog::actionDescription(Action action, double sigma)
{
    switch (action) {
    case Action::BinarizeHiddenLayers:
        return tr("Binarize hidden layers");
    case Action::AddWeightNoise:
        return tr("Add weight noise \u03c3 = %1").arg(QLocale().toString(sigma, 'g', 6));
    case Action::RemoveQuantization:
        return tr("Remove quantizers and nonidealities");
    }
    return QString();
}

void applyBatchEdit(NetworkDocument *document, BatchApplyDialog::Action action, double sigma)
{
    if (!document)
        return;
    document->editNetwork(BatchApplyDialog::transformed(document->network(), action, sigma),
        BatchApplyDialog::actionDescription(action, sigma));
}

} // namespace qb
