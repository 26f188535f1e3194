#include "inspector/spikingpropertiesform.h"

#include "inspector/compactdoublespinbox.h"
#include "inspector/issuehighlight.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace qb {

SpikingPropertiesForm::SpikingPropertiesForm(QWidget *parent)
    : QGroupBox(tr("Time (spiking network)"), parent)
    , m_form(new QFormLayout(this))
{
    setObjectName(QStringLiteral("spikingProperties"));
    setToolTip(richToolTip(tr("A network with leaky or synaptic layers runs over several time steps: "
                              "the input is presented at every step (encoded as below), and the "
                              "output layer's spikes or membrane over time give the class scores.")));
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_timeSteps = intSpin(QStringLiteral("timeSteps"), 1, 100000);
    addRow(tr("Time steps"),
        tr("T: how many steps every sample runs. More steps: finer spike counts, "
           "slower training."),
        m_timeSteps);

    m_encoding = new QComboBox(this);
    m_encoding->setObjectName(QStringLiteral("encoding"));
    m_encoding->addItem(tr("direct (the image at every step)"), int(SpikeEncoding::Direct));
    m_encoding->addItem(tr("rate (Bernoulli spikes)"), int(SpikeEncoding::Rate));
    m_encoding->addItem(tr("latency (one spike per input)"), int(SpikeEncoding::Latency));
    m_encoding->addItem(tr("events (frames of an event dataset)"), int(SpikeEncoding::Events));
    addRow(tr("Encoding"),
        tr("How the input enters the network. direct: the static image as a current at every step; "
           "rate: each pixel spikes with probability gain·x + offset; latency: each pixel spikes once, "
           "brighter pixels earlier; events: frames of an event camera recording (N-MNIST)."),
        m_encoding);
    m_gain = doubleSpin(QStringLiteral("gain"), 1e-6, 1e6);
    addRow(tr("Gain"), tr("Rate encoding: the spike probability is clamp(gain·x + offset, 0, 1)."), m_gain);
    m_offset = doubleSpin(QStringLiteral("offset"), -1e6, 1e6);
    static_cast<CompactDoubleSpinBox *>(m_offset)->setZeroStep(0.05);
    addRow(tr("Offset"), tr("Rate encoding: added to gain·x before clamping to [0, 1]."), m_offset);
    m_tau = doubleSpin(QStringLiteral("tau"), 1e-6, 1e6);
    addRow(tr("Tau"),
        tr("Latency encoding: the time constant of the RC model, spike time = "
           "tau·ln(x / (x − threshold))."),
        m_tau);
    m_latencyThreshold = doubleSpin(QStringLiteral("latencyThreshold"), 1e-6, 0.999999);
    addRow(tr("Latency threshold"),
        tr("Latency encoding: inputs at or below it never spike (between 0 and 1)."), m_latencyThreshold);
    m_linear = new QCheckBox(tr("linear"), this);
    m_linear->setObjectName(QStringLiteral("linear"));
    m_normalize = new QCheckBox(tr("normalize"), this);
    m_normalize->setObjectName(QStringLiteral("normalize"));
    m_clip = new QCheckBox(tr("clip"), this);
    m_clip->setObjectName(QStringLiteral("clip"));
    addRow(tr("Latency"), tr("linear: spike time falls linearly with the input instead of the RC curve."),
        m_linear);
    addRow(QString(), tr("normalize: spread the spike times over all time steps."), m_normalize);
    addRow(QString(), tr("clip: inputs below the threshold send no spike at the last step."), m_clip);
    m_window = intSpin(QStringLiteral("windowUs"), 0, 100000000);
    m_window->setSuffix(tr(" µs"));
    m_window->setSpecialValueText(tr("T equal bins"));
    addRow(tr("Frame window"),
        tr("Events: each time step is a frame of this many microseconds from the first event; 0: the "
           "recording is cut into T equal bins."),
        m_window);
    m_denoise = intSpin(QStringLiteral("denoiseUs"), 0, 100000000);
    m_denoise->setSuffix(tr(" µs"));
    m_denoise->setSpecialValueText(tr("off"));
    addRow(tr("Denoise"),
        tr("Events: drop an event with no neighbouring event within this time (Tonic's denoise); 0: off."),
        m_denoise);

    m_loss = new QComboBox(this);
    m_loss->setObjectName(QStringLiteral("loss"));
    m_loss->addItem(tr("membrane cross-entropy"), int(SpikeLoss::MembraneCrossEntropy));
    m_loss->addItem(tr("cross-entropy of the spike rate"), int(SpikeLoss::CrossEntropyRate));
    m_loss->addItem(tr("cross-entropy of the spike count"), int(SpikeLoss::CrossEntropyCount));
    m_loss->addItem(tr("MSE of the spike count"), int(SpikeLoss::MseCount));
    addRow(tr("Loss"),
        tr("The readout: cross-entropy of the output membrane summed over time (snnTorch tutorial 5), "
           "cross-entropy of the spikes at every step or of the spike counts, or the mean squared "
           "error of the counts against target rates."),
        m_loss);
    m_correctRate = doubleSpin(QStringLiteral("correctRate"), 0.0, 1.0);
    addRow(tr("Correct rate"), tr("MSE count loss: the target firing rate of the right class's neuron."),
        m_correctRate);
    m_incorrectRate = doubleSpin(QStringLiteral("incorrectRate"), 0.0, 1.0);
    addRow(tr("Incorrect rate"), tr("MSE count loss: the target firing rate of the other neurons."),
        m_incorrectRate);

    connect(m_timeSteps, &QSpinBox::valueChanged, this,
        [this](int v) { edit(tr("Set time steps to %1").arg(v), [&](SpikingSpec &s) { s.timeSteps = v; }); });
    connect(m_encoding, &QComboBox::currentIndexChanged, this, [this](int index) {
        const auto encoding = SpikeEncoding(m_encoding->itemData(index).toInt());
        edit(tr("Set encoding to %1").arg(encodingName(encoding)),
            [&](SpikingSpec &s) { s.encoding = encoding; });
    });
    connect(m_loss, &QComboBox::currentIndexChanged, this, [this](int index) {
        const auto loss = SpikeLoss(m_loss->itemData(index).toInt());
        edit(tr("Set spiking loss to %1").arg(spikeLossName(loss)), [&](SpikingSpec &s) { s.loss = loss; });
    });
    auto doubleEdit = [this](QDoubleSpinBox *spin, const QString &key, double SpikingSpec::*member) {
        connect(spin, &QDoubleSpinBox::valueChanged, this, [this, key, member](double v) {
            edit(tr("Set %1 to %2").arg(key).arg(v), [&](SpikingSpec &s) { s.*member = v; });
        });
    };
    doubleEdit(m_gain, QStringLiteral("gain"), &SpikingSpec::gain);
    doubleEdit(m_offset, QStringLiteral("offset"), &SpikingSpec::offset);
    doubleEdit(m_tau, QStringLiteral("tau"), &SpikingSpec::tau);
    doubleEdit(m_latencyThreshold, QStringLiteral("latency_threshold"), &SpikingSpec::latencyThreshold);
    doubleEdit(m_correctRate, QStringLiteral("correct_rate"), &SpikingSpec::correctRate);
    doubleEdit(m_incorrectRate, QStringLiteral("incorrect_rate"), &SpikingSpec::incorrectRate);
    auto boolEdit = [this](QCheckBox *box, const QString &key, bool SpikingSpec::*member) {
        connect(box, &QCheckBox::toggled, this, [this, key, member](bool on) {
            edit(on ? tr("Turn on %1").arg(key) : tr("Turn off %1").arg(key),
                [&](SpikingSpec &s) { s.*member = on; });
        });
    };
    boolEdit(m_linear, QStringLiteral("linear"), &SpikingSpec::linear);
    boolEdit(m_normalize, QStringLiteral("normalize"), &SpikingSpec::normalize);
    boolEdit(m_clip, QStringLiteral("clip"), &SpikingSpec::clip);
    auto usEdit = [this](QSpinBox *spin, const QString &key, qint64 SpikingSpec::*member) {
        connect(spin, &QSpinBox::valueChanged, this, [this, key, member](int v) {
            edit(tr("Set %1 to %2").arg(key).arg(v), [&](SpikingSpec &s) { s.*member = v; });
        });
    };
    usEdit(m_window, QStringLiteral("window_us"), &SpikingSpec::windowUs);
    usEdit(m_denoise, QStringLiteral("denoise_us"), &SpikingSpec::denoiseUs);
    setSpiking(m_spiking);
}

QDoubleSpinBox *SpikingPropertiesForm::doubleSpin(const QString &objectName, double lo, double hi)
{
    auto *spin = new CompactDoubleSpinBox(this);
    spin->setObjectName(objectName);
    spin->setRange(lo, hi);
    // One undo step per entered value, not per keystroke (network edits do not merge).
    spin->setKeyboardTracking(false);
    return spin;
}

QSpinBox *SpikingPropertiesForm::intSpin(const QString &objectName, int lo, int hi)
{
    auto *spin = new QSpinBox(this);
    spin->setObjectName(objectName);
    spin->setRange(lo, hi);
    spin->setKeyboardTracking(false);
    return spin;
}

void SpikingPropertiesForm::addRow(const QString &label, const QString &toolTip, QWidget *field)
{
    auto *labelWidget = new QLabel(label, this);
    labelWidget->setToolTip(richToolTip(toolTip));
    labelWidget->setBuddy(field);
    field->setToolTip(richToolTip(toolTip));
    m_form->addRow(labelWidget, field);
}

void SpikingPropertiesForm::edit(const QString &description, const std::function<void(SpikingSpec &)> &change)
{
    if (m_updating)
        return;
    SpikingSpec next = m_spiking;
    change(next);
    if (next == m_spiking)
        return;
    m_spiking = next;
    updateRows();
    Q_EMIT spikingEdited(next, description);
}

void SpikingPropertiesForm::setSpiking(const SpikingSpec &spiking)
{
    m_updating = true;
    m_spiking = spiking;
    showValue(m_timeSteps, spiking.timeSteps);
    showData(m_encoding, int(spiking.encoding));
    showValue(m_gain, spiking.gain);
    showValue(m_offset, spiking.offset);
    showValue(m_tau, spiking.tau);
    showValue(m_latencyThreshold, spiking.latencyThreshold);
    m_linear->setChecked(spiking.linear);
    m_normalize->setChecked(spiking.normalize);
    m_clip->setChecked(spiking.clip);
    showValue(m_window, int(std::min<qint64>(spiking.windowUs, m_window->maximum())));
    showValue(m_denoise, int(std::min<qint64>(spiking.denoiseUs, m_denoise->maximum())));
    showData(m_loss, int(spiking.loss));
    showValue(m_correctRate, spiking.correctRate);
    showValue(m_incorrectRate, spiking.incorrectRate);
    updateRows();
    m_updating = false;
}

void SpikingPropertiesForm::updateRows()
{
    const SpikeEncoding e = m_spiking.encoding;
    for (QWidget *w : {static_cast<QWidget *>(m_gain), static_cast<QWidget *>(m_offset)})
        m_form->setRowVisible(w, e == SpikeEncoding::Rate);
    for (QWidget *w : {static_cast<QWidget *>(m_tau), static_cast<QWidget *>(m_latencyThreshold),
             static_cast<QWidget *>(m_linear), static_cast<QWidget *>(m_normalize),
             static_cast<QWidget *>(m_clip)})
        m_form->setRowVisible(w, e == SpikeEncoding::Latency);
    for (QWidget *w : {static_cast<QWidget *>(m_window), static_cast<QWidget *>(m_denoise)})
        m_form->setRowVisible(w, e == SpikeEncoding::Events);
    const bool mse = m_spiking.loss == SpikeLoss::MseCount;
    m_form->setRowVisible(m_correctRate, mse);
    m_form->setRowVisible(m_incorrectRate, mse);
}

QList<QWidget *> SpikingPropertiesForm::widgetsFor(const QString &field) const
{
    static const QString prefix = QStringLiteral("spiking.");
    if (!field.startsWith(prefix))
        return {};
    const QString key = field.mid(prefix.size());
    if (key == QLatin1String("time_steps"))
        return {m_timeSteps};
    if (key == QLatin1String("gain"))
        return {m_gain};
    if (key == QLatin1String("tau"))
        return {m_tau};
    if (key == QLatin1String("latency_threshold"))
        return {m_latencyThreshold};
    if (key == QLatin1String("window_us"))
        return {m_window};
    if (key == QLatin1String("denoise_us"))
        return {m_denoise};
    if (key == QLatin1String("correct_rate"))
        return {m_correctRate, m_incorrectRate};
    return {};
}

void SpikingPropertiesForm::setIssues(const QList<ValidationIssue> &issues)
{
    highlightIssues(issues, [this](const QString &field) { return widgetsFor(field); }, &m_highlighted);
}

} // namespace qb
