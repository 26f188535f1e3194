#include "history/confusionview.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPixmap>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace qb {

namespace {

constexpr int kImageColumns = 8;

/// White to blue for the diagonal (right answers), white to red elsewhere, by the share of the row.
QColor cellColor(bool diagonal, double share)
{
    const QColor full = diagonal ? QColor(31, 100, 180) : QColor(200, 40, 40);
    const double t = std::clamp(share, 0.0, 1.0);
    return QColor(int(255 + (full.red() - 255) * t), int(255 + (full.green() - 255) * t),
        int(255 + (full.blue() - 255) * t));
}

} // namespace

ConfusionView::ConfusionView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    m_status = new QLabel(tr("Select a finished run in the history to see its confusion matrix."), this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    auto *matrixPane = new QWidget(splitter);
    auto *matrixLayout = new QVBoxLayout(matrixPane);
    matrixLayout->setContentsMargins(0, 0, 0, 0);
    matrixLayout->addWidget(new QLabel(tr("Rows: true class; columns: predicted class"), matrixPane));
    m_matrix = new QTableWidget(matrixPane);
    m_matrix->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_matrix->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_matrix->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    matrixLayout->addWidget(m_matrix, 1);
    splitter->addWidget(matrixPane);

    auto *scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    m_imageGrid = new QWidget(scroll);
    m_imageLayout = new QGridLayout(m_imageGrid);
    m_imageLayout->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    scroll->setWidget(m_imageGrid);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    connect(&m_watcher, &QFutureWatcher<ConfusionResult>::finished, this, &ConfusionView::evaluationDone);
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
    m_watcher.setFuture(
        QtConcurrent::run([dbPath, runId, dataDir] { return evaluateConfusion(dbPath, runId, dataDir); }));
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

void ConfusionView::clearImages()
{
    while (QLayoutItem *item = m_imageLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_captions.clear();
}

void ConfusionView::showResult(const ConfusionResult &result)
{
    m_shownRunId = result.runId;
    clearImages();
    m_matrix->clear();
    m_matrix->setRowCount(0);
    m_matrix->setColumnCount(0);
    if (!result.error.isEmpty()) {
        m_status->setText(tr("Cannot evaluate run %1: %2").arg(result.runId).arg(result.error));
        Q_EMIT resultShown(result.runId);
        return;
    }
    m_status->setText(tr("Run %1 on %2: %3 % of %n test sample(s) right.", "", result.samples)
                          .arg(result.runId)
                          .arg(result.dataset)
                          .arg(result.accuracy() * 100.0, 0, 'f', 2));

    const int classes = result.numClasses();
    m_matrix->setRowCount(classes);
    m_matrix->setColumnCount(classes);
    m_matrix->setHorizontalHeaderLabels(result.classNames);
    m_matrix->setVerticalHeaderLabels(result.classNames);
    for (int t = 0; t < classes; ++t) {
        int rowTotal = 0;
        for (int count : result.matrix.at(t))
            rowTotal += count;
        for (int p = 0; p < classes; ++p) {
            const int count = result.matrix.at(t).at(p);
            const double share = rowTotal > 0 ? double(count) / rowTotal : 0.0;
            auto *item = new QTableWidgetItem(QString::number(count));
            item->setData(Qt::UserRole, count);
            item->setTextAlignment(Qt::AlignCenter);
            item->setBackground(cellColor(t == p, share));
            item->setForeground(share > 0.55 ? QColor(Qt::white) : QColor(Qt::black));
            item->setToolTip(tr("true %1, predicted %2: %3 (%4 % of %1)")
                                 .arg(result.classNames.value(t), result.classNames.value(p))
                                 .arg(count)
                                 .arg(share * 100.0, 0, 'f', 1));
            m_matrix->setItem(t, p, item);
        }
    }

    int cell = 0;
    for (const MisclassifiedSample &sample : result.misclassified) {
        const QString caption = tr("%1 → %2").arg(
            result.classNames.value(sample.trueClass), result.classNames.value(sample.predictedClass));
        m_captions.append(caption);
        auto *tile = new QWidget(m_imageGrid);
        auto *tileLayout = new QVBoxLayout(tile);
        tileLayout->setContentsMargins(2, 2, 2, 2);
        tileLayout->setSpacing(1);
        if (!sample.image.isNull()) {
            auto *picture = new QLabel(tile);
            const int scale = std::max(1, 64 / std::max(1, sample.image.width()));
            picture->setPixmap(QPixmap::fromImage(sample.image.scaled(sample.image.size() * scale)));
            picture->setAlignment(Qt::AlignCenter);
            tileLayout->addWidget(picture);
        }
        auto *text = new QLabel(caption, tile);
        text->setAlignment(Qt::AlignCenter);
        text->setToolTip(tr("test sample %1").arg(sample.index));
        QFont small = text->font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        text->setFont(small);
        tileLayout->addWidget(text);
        m_imageLayout->addWidget(tile, cell / kImageColumns, cell % kImageColumns);
        ++cell;
    }
    Q_EMIT resultShown(result.runId);
}

QString ConfusionView::statusText() const { return m_status->text(); }

} // namespace qb
