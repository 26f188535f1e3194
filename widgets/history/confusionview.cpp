#include "history/confusionview.h"

#include "history/confusionexport.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPixmap>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace qb {

namespace {

constexpr int kImageSize = 64; ///< the side of a misclassified image on screen, in pixels

} // namespace

ConfusionView::ConfusionView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_status = new QLabel(tr("Select a finished run in the history to see its confusion matrix."), this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setChildrenCollapsible(false);
    auto *matrixPane = new QWidget(m_splitter);
    auto *matrixLayout = new QVBoxLayout(matrixPane);
    matrixLayout->setContentsMargins(0, 0, 0, 0);
    auto *matrixHeader = new QHBoxLayout;
    auto *axes = new QLabel(tr("Rows: true class; columns: predicted class"), matrixPane);
    axes->setToolTip(tr("Click a cell to see its images; click it again to see all."));
    axes->setWordWrap(true);
    matrixHeader->addWidget(axes, 1);
    // The plots' wording (and its translation).
    m_exportButton = new QPushButton(QCoreApplication::translate("qb::PlotExport", "Export…"), matrixPane);
    m_exportButton->setObjectName(QStringLiteral("exportMatrixButton"));
    m_exportButton->setToolTip(tr("Save the confusion matrix as a PNG picture or a CSV table"));
    m_exportButton->setEnabled(false);
    matrixHeader->addWidget(m_exportButton, 0, Qt::AlignTop);
    matrixLayout->addLayout(matrixHeader);
    m_matrix = new QTableWidget(matrixPane);
    m_matrix->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_matrix->setSelectionMode(QAbstractItemView::SingleSelection);
    m_matrix->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_matrix->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_matrix->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_matrix->setMinimumSize(160, 120);
    matrixLayout->addWidget(m_matrix, 1);
    m_splitter->addWidget(matrixPane);

    auto *imagesPane = new QWidget(m_splitter);
    auto *imagesLayout = new QVBoxLayout(imagesPane);
    imagesLayout->setContentsMargins(0, 0, 0, 0);
    m_imagesLabel = new QLabel(imagesPane);
    m_imagesLabel->setWordWrap(true);
    m_imagesLabel->setTextFormat(Qt::RichText);
    m_imagesLabel->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    imagesLayout->addWidget(m_imagesLabel);
    m_images = new QListWidget(imagesPane);
    m_images->setObjectName(QStringLiteral("misclassifiedImages"));
    // A wrapping grid of tiles that reflows with the pane's width, so images show at any size.
    m_images->setViewMode(QListView::IconMode);
    m_images->setFlow(QListView::LeftToRight);
    m_images->setWrapping(true);
    m_images->setResizeMode(QListView::Adjust);
    m_images->setMovement(QListView::Static);
    m_images->setSelectionMode(QAbstractItemView::NoSelection);
    m_images->setWordWrap(true);
    m_images->setUniformItemSizes(true);
    m_images->setIconSize(QSize(kImageSize, kImageSize));
    const QFontMetrics fm(m_images->font());
    const QSize tile(std::max(kImageSize + 16, fm.horizontalAdvance(QStringLiteral("T-shirt/top →"))) + 8,
        kImageSize + 2 * fm.height() + 12);
    m_images->setGridSize(tile);
    // Two tiles across and one down at the least, so the grid never starts as a sliver.
    const int chrome = 2 * m_images->frameWidth() + m_images->verticalScrollBar()->sizeHint().width() + 4;
    m_images->setMinimumSize(2 * tile.width() + chrome, tile.height() + chrome);
    imagesLayout->addWidget(m_images, 1);
    m_splitter->addWidget(imagesPane);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({560, 440}); // proportions: the matrix a little wider than the images
    layout->addWidget(m_splitter, 1);

    connect(&m_watcher, &QFutureWatcher<ConfusionResult>::finished, this, &ConfusionView::evaluationDone);
    connect(m_matrix, &QTableWidget::cellClicked, this, &ConfusionView::onCellClicked);
    connect(m_imagesLabel, &QLabel::linkActivated, this, &ConfusionView::clearCellFilter);
    connect(m_exportButton, &QPushButton::clicked, this, &ConfusionView::exportInteractively);
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { m_splitterTouched = true; });
}

ConfusionView::~ConfusionView()
{
    // The worker owns copies of everything it uses; it may finish after this view is gone.
    m_watcher.disconnect(this);
}

void ConfusionView::setDatabasePath(const QString &path)
{
    if (path == m_dbPath)
        return;
    m_dbPath = path;
    m_shownRunId = -1; // same id, another database: evaluate again
    if (m_runId >= 0 && isVisible())
        startEvaluation();
}

void ConfusionView::setDataDirectory(const QString &dir) { m_dataDir = dir; }

void ConfusionView::setRun(qint64 runId)
{
    m_runId = runId;
    if (isVisible())
        startEvaluation();
}

bool ConfusionView::isEvaluating() const { return m_evaluatingRunId >= 0; }

void ConfusionView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    startEvaluation();
}

void ConfusionView::startEvaluation()
{
    if (m_runId < 0 || m_runId == m_shownRunId)
        return;
    m_shownRunId = m_runId;
    m_status->setText(tr("Evaluating run %1…").arg(m_runId));
    if (isEvaluating())
        return; // evaluationDone() starts the newest request
    m_evaluatingRunId = m_runId;
    const QString dbPath = m_dbPath;
    const QString dataDir = m_dataDir;
    const qint64 runId = m_runId;
    m_watcher.setFuture(QtConcurrent::run(
        [dbPath, runId, dataDir] { return evaluateConfusion(dbPath, runId, dataDir, kMaxImages); }));
}

void ConfusionView::evaluationDone()
{
    const ConfusionResult result = m_watcher.result();
    m_evaluatingRunId = -1;
    if (result.runId == m_shownRunId) {
        showResult(result);
        return;
    }
    // The selection moved on while this one was evaluated: evaluate the run asked for last.
    const qint64 wanted = m_shownRunId;
    m_shownRunId = -1;
    m_runId = wanted;
    startEvaluation();
}

void ConfusionView::showResult(const ConfusionResult &result)
{
    m_shownRunId = result.runId;
    m_result = result;
    m_filterTrue = m_filterPredicted = -1;
    if (!result.error.isEmpty()) {
        m_result.matrix.clear();
        m_result.misclassified.clear();
        m_status->setText(tr("Cannot evaluate run %1: %2").arg(result.runId).arg(result.error));
    } else {
        m_status->setText(tr("Run %1 on %2: %3 % of %n test sample(s) right.", "", result.samples)
                              .arg(result.runId)
                              .arg(result.dataset)
                              .arg(result.accuracy() * 100.0, 0, 'f', 2));
    }
    m_exportButton->setEnabled(m_result.numClasses() > 0);
    fillMatrix();
    fillImages();
    fitSplitterToMatrix();
    Q_EMIT resultShown(result.runId);
}

void ConfusionView::fillMatrix()
{
    m_matrix->clear();
    const int classes = m_result.numClasses();
    m_matrix->setRowCount(classes);
    m_matrix->setColumnCount(classes);
    if (classes == 0)
        return;
    m_matrix->setHorizontalHeaderLabels(m_result.classNames);
    m_matrix->setVerticalHeaderLabels(m_result.classNames);
    for (int t = 0; t < classes; ++t) {
        int rowTotal = 0;
        for (int count : m_result.matrix.at(t))
            rowTotal += count;
        for (int p = 0; p < classes; ++p) {
            const int count = m_result.matrix.at(t).at(p);
            const double share = rowTotal > 0 ? double(count) / rowTotal : 0.0;
            auto *item = new QTableWidgetItem(QString::number(count));
            item->setData(Qt::UserRole, count);
            item->setTextAlignment(Qt::AlignCenter);
            item->setBackground(ConfusionExport::cellColor(t == p, share));
            item->setForeground(share > 0.55 ? QColor(Qt::white) : QColor(Qt::black));
            item->setToolTip(tr("true %1, predicted %2: %3 (%4 % of %1)")
                                 .arg(m_result.classNames.value(t), m_result.classNames.value(p))
                                 .arg(count)
                                 .arg(share * 100.0, 0, 'f', 1));
            m_matrix->setItem(t, p, item);
        }
    }
}

void ConfusionView::fitSplitterToMatrix()
{
    // The matrix gets the width it needs while the images keep their minimum; the rest goes to
    // the images. Once the user moves the splitter, their sizes stay.
    if (m_splitterTouched || m_result.numClasses() == 0)
        return;
    const int total = m_splitter->width() - m_splitter->handleWidth();
    if (total <= 0)
        return;
    m_matrix->resizeColumnsToContents();
    int needed = m_matrix->verticalHeader()->sizeHint().width() + 2 * m_matrix->frameWidth()
        + m_matrix->verticalScrollBar()->sizeHint().width();
    for (int c = 0; c < m_matrix->columnCount(); ++c)
        needed += m_matrix->columnWidth(c);
    const int imagesMinimum = m_images->minimumWidth();
    const int matrixWidth = std::clamp(
        needed, m_matrix->minimumWidth(), std::max(m_matrix->minimumWidth(), total - imagesMinimum));
    m_splitter->setSizes({matrixWidth, total - matrixWidth});
}

void ConfusionView::onCellClicked(int row, int column)
{
    if (row == m_filterTrue && column == m_filterPredicted)
        clearCellFilter(); // a second click on the same cell goes back to all images
    else
        setCellFilter(row, column);
}

void ConfusionView::setCellFilter(int trueClass, int predictedClass)
{
    const int classes = m_result.numClasses();
    if (trueClass < 0 || trueClass >= classes || predictedClass < 0 || predictedClass >= classes) {
        clearCellFilter();
        return;
    }
    m_filterTrue = trueClass;
    m_filterPredicted = predictedClass;
    m_matrix->setCurrentCell(trueClass, predictedClass);
    fillImages();
}

void ConfusionView::clearCellFilter()
{
    m_filterTrue = m_filterPredicted = -1;
    m_matrix->clearSelection();
    fillImages();
}

void ConfusionView::fillImages()
{
    m_images->clear();
    m_captions.clear();
    m_indices.clear();
    const QString showAll = QStringLiteral(" <a href=\"#all\">%1</a>").arg(tr("Show all").toHtmlEscaped());
    if (m_result.numClasses() == 0) {
        m_imagesLabel->clear();
        return;
    }
    for (const MisclassifiedSample &sample : std::as_const(m_result.misclassified)) {
        if (m_captions.size() >= kMaxImages)
            break;
        if (hasCellFilter()
            && (sample.trueClass != m_filterTrue || sample.predictedClass != m_filterPredicted))
            continue;
        const QString caption = tr("%1 → %2").arg(
            m_result.classNames.value(sample.trueClass), m_result.classNames.value(sample.predictedClass));
        auto *item = new QListWidgetItem(caption, m_images);
        if (!sample.image.isNull()) {
            item->setIcon(QPixmap::fromImage(
                sample.image.scaled(kImageSize, kImageSize, Qt::KeepAspectRatio, Qt::FastTransformation)));
        }
        item->setToolTip(tr("test sample %1: true %2, predicted %3")
                             .arg(sample.index)
                             .arg(m_result.classNames.value(sample.trueClass),
                                 m_result.classNames.value(sample.predictedClass)));
        item->setFlags(Qt::ItemIsEnabled);
        m_captions.append(caption);
        m_indices.append(sample.index);
    }

    const int shown = int(m_captions.size());
    if (!hasCellFilter()) {
        const int wrong = m_result.samples - m_result.correct;
        QString text;
        if (wrong == 0)
            text = tr("No misclassified test images.");
        else if (shown == wrong)
            text = tr("%n misclassified test image(s). Click a cell of the matrix to see only its images.",
                "", wrong);
        else
            text = tr("The first %1 of %n misclassified test image(s). Click a cell of the matrix to see "
                      "only its images.",
                "", wrong)
                       .arg(shown);
        m_imagesLabel->setText(text.toHtmlEscaped());
        return;
    }
    const QString trueName = m_result.classNames.value(m_filterTrue);
    const QString predictedName = m_result.classNames.value(m_filterPredicted);
    const int count = m_result.matrix.at(m_filterTrue).at(m_filterPredicted);
    QString text;
    if (m_filterTrue == m_filterPredicted)
        text = tr("%n test image(s) of %1 classified right (only misclassified images are shown).", "", count)
                   .arg(trueName);
    else if (shown == count)
        text = tr("True %1, predicted %2: %n image(s).", "", count).arg(trueName, predictedName);
    else
        text = tr("True %1, predicted %2: the first %3 of %n image(s).", "", count)
                   .arg(trueName, predictedName)
                   .arg(shown);
    m_imagesLabel->setText(text.toHtmlEscaped() + showAll);
}

Status ConfusionView::exportMatrix(const QString &path) const
{
    return ConfusionExport::exportFile(m_result, path, font());
}

void ConfusionView::exportInteractively()
{
    QString selected;
    const QString suggested = tr("confusion-run-%1").arg(m_result.runId);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export confusion matrix"),
        suggested + QStringLiteral(".png"), tr("PNG image (*.png);;CSV table (*.csv)"), &selected);
    if (path.isEmpty())
        return;
    QString target = path;
    if (QFileInfo(target).suffix().isEmpty())
        target += selected.contains(QLatin1String("*.csv")) ? QStringLiteral(".csv") : QStringLiteral(".png");
    const Status status = exportMatrix(target);
    if (!status)
        QMessageBox::warning(this, tr("Export confusion matrix"), status.error());
}

QString ConfusionView::statusText() const { return m_status->text(); }

QString ConfusionView::imagesText() const { return m_imagesLabel->text(); }

} // namespace qb
