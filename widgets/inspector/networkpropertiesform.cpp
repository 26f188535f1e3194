#include "inspector/networkpropertiesform.h"

#include "inspector/issuehighlight.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

namespace qb {

namespace {

enum InputKind { ImageInput, FlatInput };

void setSpin(QSpinBox *spin, int value)
{
    if (spin->value() != value)
        spin->setValue(value);
}

} // namespace

NetworkPropertiesForm::NetworkPropertiesForm(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout(this))
    , m_name(new QLineEdit(this))
    , m_description(new QPlainTextEdit(this))
    , m_inputKind(new QComboBox(this))
    , m_channels(sizeSpin(QStringLiteral("inputChannels"), 4096))
    , m_height(sizeSpin(QStringLiteral("inputHeight"), 4096))
    , m_width(sizeSpin(QStringLiteral("inputWidth"), 4096))
    , m_features(sizeSpin(QStringLiteral("inputFeatures"), 1 << 24))
    , m_adapt(new QCheckBox(tr("input size and class count"), this))
{
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_name->setObjectName(QStringLiteral("networkName"));
    addRow(tr("Name"), tr("The network's name, shown in titles and stored with every run."), m_name);
    m_description->setObjectName(QStringLiteral("networkDescription"));
    m_description->setMaximumHeight(m_description->fontMetrics().height() * 5);
    m_description->installEventFilter(this);
    addRow(tr("Description"), tr("Free text: what the network is for, where it comes from."), m_description);

    m_inputKind->setObjectName(QStringLiteral("inputKind"));
    m_inputKind->addItem(tr("image (channels x height x width)"), int(ImageInput));
    m_inputKind->addItem(tr("flat vector of features"), int(FlatInput));
    addRow(tr("Input"),
        tr("What one sample looks like: an image (1 x 28 x 28 for MNIST, 3 x 32 x 32 for CIFAR-10) "
           "or a vector of numbers (a table row, or a flattened image for a multilayer perceptron)."),
        m_inputKind);
    addRow(tr("Channels"), tr("Colour channels of the input image: 1 for grey, 3 for RGB."), m_channels);
    addRow(tr("Height"), tr("Height of the input image in pixels."), m_height);
    addRow(tr("Width"), tr("Width of the input image in pixels."), m_width);
    addRow(tr("Features"), tr("Number of values in one input vector."), m_features);

    m_adapt->setObjectName(QStringLiteral("adaptToDataset"));
    addRow(tr("From dataset"),
        tr("When training, size the input after the dataset's samples and the last dense layer after "
           "its number of classes, like a Keras model that infers its input shape. For networks meant "
           "for several datasets."),
        m_adapt);

    connect(m_name, &QLineEdit::editingFinished, this, [this]() {
        if (m_updating || m_name->text() == m_network.name)
            return;
        NetworkSpec next = m_network;
        next.name = m_name->text();
        m_network = next;
        Q_EMIT networkEdited(next, tr("Rename network"));
    });
    connect(m_inputKind, &QComboBox::currentIndexChanged, this, [this]() {
        updateShapeRows();
        commitShape();
    });
    for (QSpinBox *spin : {m_channels, m_height, m_width, m_features})
        connect(spin, &QSpinBox::valueChanged, this, &NetworkPropertiesForm::commitShape);
    connect(m_adapt, &QCheckBox::toggled, this, [this](bool on) {
        if (m_updating || on == m_network.adaptToDataset)
            return;
        NetworkSpec next = m_network;
        next.adaptToDataset = on;
        m_network = next;
        Q_EMIT networkEdited(next, tr("Adapt network to the dataset"));
    });
    updateShapeRows();
}

QSpinBox *NetworkPropertiesForm::sizeSpin(const QString &objectName, int hi)
{
    auto *spin = new QSpinBox(this);
    spin->setObjectName(objectName);
    spin->setRange(1, hi);
    // One undo step per entered value, not per keystroke (network edits do not merge).
    spin->setKeyboardTracking(false);
    return spin;
}

void NetworkPropertiesForm::addRow(const QString &label, const QString &toolTip, QWidget *field)
{
    auto *labelWidget = new QLabel(label, this);
    labelWidget->setToolTip(richToolTip(toolTip));
    labelWidget->setBuddy(field);
    field->setToolTip(richToolTip(toolTip));
    m_form->addRow(labelWidget, field);
}

void NetworkPropertiesForm::updateShapeRows()
{
    const bool image = m_inputKind->currentData().toInt() == ImageInput;
    m_form->setRowVisible(m_channels, image);
    m_form->setRowVisible(m_height, image);
    m_form->setRowVisible(m_width, image);
    m_form->setRowVisible(m_features, !image);
}

void NetworkPropertiesForm::commitShape()
{
    if (m_updating)
        return;
    const bool image = m_inputKind->currentData().toInt() == ImageInput;
    const TensorShape shape = image
        ? TensorShape::image(m_channels->value(), m_height->value(), m_width->value())
        : TensorShape::flat(m_features->value());
    if (shape == m_network.input)
        return;
    NetworkSpec next = m_network;
    next.input = shape;
    m_network = next;
    Q_EMIT networkEdited(next, tr("Change input shape to %1").arg(shape.toString()));
}

bool NetworkPropertiesForm::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_description && event->type() == QEvent::FocusOut && !m_updating) {
        const QString text = m_description->toPlainText();
        if (text != m_network.description) {
            NetworkSpec next = m_network;
            next.description = text;
            m_network = next;
            Q_EMIT networkEdited(next, tr("Edit network description"));
        }
    }
    return QWidget::eventFilter(watched, event);
}

void NetworkPropertiesForm::setNetwork(const NetworkSpec &network)
{
    m_updating = true;
    m_network = network;
    if (m_name->text() != network.name)
        m_name->setText(network.name);
    if (m_description->toPlainText() != network.description)
        m_description->setPlainText(network.description);
    const TensorShape &in = network.input;
    m_inputKind->setCurrentIndex(in.isFlat() ? FlatInput : ImageInput);
    if (in.isImage()) {
        setSpin(m_channels, in.channels());
        setSpin(m_height, in.height());
        setSpin(m_width, in.width());
    } else if (in.isFlat()) {
        setSpin(m_features, in.dims.value(0));
    }
    m_adapt->setChecked(network.adaptToDataset);
    updateShapeRows();
    m_updating = false;
}

void NetworkPropertiesForm::setIssues(const QList<ValidationIssue> &issues)
{
    QString inputProblem;
    for (const ValidationIssue &issue : issues) {
        if (issue.field == QLatin1String("input"))
            inputProblem = issue.message;
    }
    for (QWidget *w : {static_cast<QWidget *>(m_inputKind), static_cast<QWidget *>(m_channels),
             static_cast<QWidget *>(m_height), static_cast<QWidget *>(m_width),
             static_cast<QWidget *>(m_features)})
        setIssueHighlight(w, inputProblem);
}

} // namespace qb
