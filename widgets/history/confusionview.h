#pragma once

#include "history/confusionresult.h"
#include "util/result.h"

#include <QFutureWatcher>
#include <QStringList>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QSplitter;
class QTableWidget;

namespace qb {

/// Details of one trained run: its confusion matrix on the test split (counts in cells shaded by
/// their share of the true class) and a grid of misclassified test images captioned
/// "true → predicted" (the first 48; clicking a cell of the matrix shows the first 48 of that cell
/// instead, clicking it again or "Show all" goes back). The matrix exports as PNG or CSV.
///
/// Predicting takes seconds (load the weights and the dataset, run the network), so it runs with
/// QtConcurrent in a worker thread that opens its own ExperimentStore, while the view says
/// "Evaluating…". A run is evaluated only while the view is visible (once per run).
class ConfusionView : public QWidget
{
    Q_OBJECT

public:
    /// At most this many images are shown at a time (and kept per cell of the matrix).
    static constexpr int kMaxImages = 48;

    explicit ConfusionView(QWidget *parent = nullptr);
    ~ConfusionView() override;

    void setDatabasePath(const QString &path);
    /// Where the datasets are looked for first (DatasetLocator's dataDir); empty: the standard order.
    void setDataDirectory(const QString &dir);
    /// Shows run `runId`: evaluates it now when visible, else when first shown.
    void setRun(qint64 runId);
    qint64 runId() const { return m_runId; }
    bool isEvaluating() const;

    /// Shows a finished evaluation (public so tests can show a made-up result).
    void showResult(const ConfusionResult &result);
    /// The result on screen (empty matrix before the first one or after an error).
    const ConfusionResult &result() const { return m_result; }

    /// Shows only the misclassified images of true class `trueClass` predicted as `predictedClass`
    /// (what clicking that cell does) and selects the cell. Out-of-range classes show all.
    void setCellFilter(int trueClass, int predictedClass);
    /// Shows the first misclassified images of all cells again (the "Show all" link).
    void clearCellFilter();
    bool hasCellFilter() const { return m_filterTrue >= 0; }
    int filterTrueClass() const { return m_filterTrue; }
    int filterPredictedClass() const { return m_filterPredicted; }

    /// Writes the matrix as PNG or CSV, by the file's suffix. Errors name the file.
    Status exportMatrix(const QString &path) const;

    /// The line above the matrix: "Evaluating…", the accuracy, or an error.
    QString statusText() const;
    /// The line above the images: how many are shown, of which cell.
    QString imagesText() const;
    QTableWidget *matrixTable() const { return m_matrix; }
    QListWidget *imageList() const { return m_images; }
    QPushButton *exportButton() const { return m_exportButton; }
    QSplitter *splitter() const { return m_splitter; }
    int misclassifiedShown() const { return int(m_captions.size()); }
    /// "T-shirt/top → Shirt", one per misclassified image shown, in test order.
    QStringList misclassifiedCaptions() const { return m_captions; }
    /// The test-split indices of the images shown, in order.
    QList<int> misclassifiedIndices() const { return m_indices; }

Q_SIGNALS:
    /// An evaluation finished and is shown (successful or not).
    void resultShown(qint64 runId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void startEvaluation();
    void evaluationDone();
    void fillMatrix();
    void fillImages();
    void onCellClicked(int row, int column);
    void exportInteractively();
    void fitSplitterToMatrix();

    QString m_dbPath;
    QString m_dataDir;
    qint64 m_runId = -1;
    qint64 m_shownRunId = -1; ///< the run whose result (or evaluation) is on screen
    qint64 m_evaluatingRunId = -1;
    QFutureWatcher<ConfusionResult> m_watcher;
    ConfusionResult m_result;
    int m_filterTrue = -1;
    int m_filterPredicted = -1;
    bool m_splitterTouched = false; ///< moved by the user: keep their sizes
    QLabel *m_status = nullptr;
    QSplitter *m_splitter = nullptr;
    QTableWidget *m_matrix = nullptr;
    QPushButton *m_exportButton = nullptr;
    QLabel *m_imagesLabel = nullptr;
    QListWidget *m_images = nullptr;
    QStringList m_captions;
    QList<int> m_indices;
};

} // namespace qb
