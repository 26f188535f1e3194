#include "analysis/noisesweepdialog.h"

#include "analysis/chipoptionsform.h"
#include "noise/noisecatalog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace qb {

namespace {

/// The catalogue's description of MODEL.PARAM (nullptr: unknown or not numeric).
const NoiseParam *numericParam(const QString &parameter)
{
    const NoiseInfo *info = NoiseCatalog::find(parameter.section(QLatin1Char('.'), 0, 0));
    if (!info)
        return nullptr;
    const QString key = parameter.section(QLatin1Char('.'), 1);
    for (const NoiseParam &p : info->params) {
        if (p.key == key && (p.kind == NoiseParam::Kind::Number || p.kind == NoiseParam::Kind::Integer))
            return &p;
    }
    return nullptr;
}

QString number(double v) { return QString::number(v, 'g', 6); }

} // namespace

NoiseSweepDialog::NoiseSweepDialog(const RunRecord &run, QWidget *parent)
    : AnalysisDialog(run, tr("Noise sweep"),
        tr("Evaluates the trained run on simulated chips at every value of one nonideality parameter (as "
           "quantbench-cli sweep noise does). Every conv/dense layer gets that nonideality at evaluation: "
           "its "
           "existing evaluation instance, or a new one with default parameters. The trained weights are not "
           "changed; the result is stored as a sweep of the run."),
        parent)
{
    auto *swept = new QGroupBox(tr("Swept parameter"), this);
    auto *form = new QFormLayout(swept);
    m_parameter = new QComboBox(swept);
    m_parameter->setObjectName(QStringLiteral("parameter"));
    for (const QString &name : sweepableParameters()) {
        m_parameter->addItem(name, name);
        if (const NoiseParam *p = numericParam(name))
            m_parameter->setItemData(m_parameter->count() - 1, p->description, Qt::ToolTipRole);
    }
    form->addRow(tr("&Parameter:"), m_parameter);
    m_parameterHelp = new QLabel(swept);
    m_parameterHelp->setObjectName(QStringLiteral("parameterHelp"));
    m_parameterHelp->setWordWrap(true);
    form->addRow(QString(), m_parameterHelp);
    m_values = new QLineEdit(swept);
    m_values->setObjectName(QStringLiteral("values"));
    m_values->setToolTip(tr("Numbers separated by commas, with a point as the decimal separator."));
    form->addRow(tr("&Values:"), m_values);
    addSection(swept);

    auto *chipsGroup = new QGroupBox(tr("Simulated chips"), this);
    auto *chipsLayout = new QVBoxLayout(chipsGroup);
    m_chips = new ChipOptionsForm(chipsGroup);
    chipsLayout->addWidget(m_chips);
    addSection(chipsGroup);

    connect(m_parameter, &QComboBox::currentIndexChanged, this, &NoiseSweepDialog::onParameterChanged);
    setParameter(QStringLiteral("weight_noise.sigma"));
    onParameterChanged();
}

QStringList NoiseSweepDialog::sweepableParameters()
{
    QStringList names;
    for (const NoiseInfo &info : NoiseCatalog::all()) {
        for (const NoiseParam &p : info.params) {
            if (p.kind == NoiseParam::Kind::Number || p.kind == NoiseParam::Kind::Integer)
                names << info.name + QLatin1Char('.') + p.key;
        }
    }
    return names;
}

QString NoiseSweepDialog::defaultValues(const QString &parameter)
{
    // Ranges a first robustness sweep usually spans; other parameters start from their default.
    static const QHash<QString, QString> known{
        {QStringLiteral("weight_noise.sigma"), QStringLiteral("0, 0.05, 0.1, 0.2, 0.4")},
        {QStringLiteral("weight_noise_mult.sigma"), QStringLiteral("0, 0.05, 0.1, 0.2, 0.4")},
        {QStringLiteral("process_variation.uniform"), QStringLiteral("0, 0.05, 0.1, 0.2, 0.4")},
        {QStringLiteral("process_variation.gaussian"), QStringLiteral("0, 0.05, 0.1, 0.2, 0.4")},
        {QStringLiteral("output_noise.sigma"), QStringLiteral("0, 0.05, 0.1, 0.2, 0.4")},
        {QStringLiteral("adc.bits"), QStringLiteral("2, 3, 4, 6, 8")},
        {QStringLiteral("stuck_at.p"), QStringLiteral("0, 0.01, 0.02, 0.05, 0.1")},
        {QStringLiteral("drift.t"), QStringLiteral("1, 10, 100, 1000, 10000")},
    };
    if (known.contains(parameter))
        return known.value(parameter);
    const NoiseParam *p = numericParam(parameter);
    if (!p)
        return QString();
    // The default and its multiples that the range allows.
    QStringList values;
    for (double factor : {0.0, 1.0, 2.0, 4.0}) {
        const double v = p->defaultNumber * factor;
        if (v >= p->minimum && v <= p->maximum && !values.contains(number(v)))
            values << number(v);
    }
    return values.join(QStringLiteral(", "));
}

Result<QVector<double>> NoiseSweepDialog::parseValues(const QString &parameter, const QString &text)
{
    using R = Result<QVector<double>>;
    const QString model = parameter.section(QLatin1Char('.'), 0, 0);
    const QString key = parameter.section(QLatin1Char('.'), 1);
    QVector<double> values;
    const QStringList parts = text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        bool ok = false;
        const double v = part.toDouble(&ok); // C locale: a point is the decimal separator
        if (!ok) {
            return R::failure(tr("Values: '%1' is not a number (write numbers separated by commas, e.g. "
                                 "0, 0.05, 0.1).")
                                  .arg(part));
        }
        NoiseSpec spec;
        spec.model = model;
        spec.phase = NoisePhase::Evaluation;
        spec.params.insert(key, v);
        if (const QString problem = NoiseCatalog::check(spec); !problem.isEmpty())
            return R::failure(tr("Values: %1 = %2: %3").arg(parameter, part, problem));
        values << v;
    }
    if (values.isEmpty())
        return R::failure(tr("Values: enter at least one number (separated by commas)."));
    return values;
}

QString NoiseSweepDialog::validate() const
{
    if (!numericParam(parameter()))
        return tr("Parameter: choose a nonideality parameter to sweep.");
    const auto values = parseValues(parameter(), m_values->text());
    return values ? QString() : values.error();
}

NoiseSweepRequest NoiseSweepDialog::request() const
{
    NoiseSweepRequest request;
    request.runId = runId();
    request.parameter = parameter();
    if (const auto values = parseValues(request.parameter, m_values->text()))
        request.values = *values;
    m_chips->applyTo(&request);
    return request;
}

QString NoiseSweepDialog::parameter() const { return m_parameter->currentData().toString(); }

void NoiseSweepDialog::setParameter(const QString &parameter)
{
    const int index = m_parameter->findData(parameter);
    if (index >= 0)
        m_parameter->setCurrentIndex(index);
}

void NoiseSweepDialog::onParameterChanged()
{
    const QString name = parameter();
    const NoiseParam *p = numericParam(name);
    QString help;
    if (p && qMax(qAbs(p->minimum), qAbs(p->maximum)) < 1e9) {
        help = tr("%1 From %2 to %3, default %4.")
                   .arg(p->description, number(p->minimum), number(p->maximum), number(p->defaultNumber));
    } else if (p) {
        help = tr("%1 Default %2.").arg(p->description, number(p->defaultNumber)); // +-1e9: unbounded
    }
    m_parameterHelp->setText(help);
    m_values->setText(defaultValues(name));
    showError(QString());
}

} // namespace qb
