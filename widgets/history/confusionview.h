#pragma once

#include "history/confusionresult.h"

#include <QFutureWatcher>
#include <QStringList>
#include <QWidget>

class QGridLayout;
class QLabel;
class QTableWidget;

namespace qb {

/// Details of one trained run: its confusion matrix on the test split (counts in cells shaded by
/// their share of the true class) and a grid of up to 48 misclassified test images captioned
/// "true → predicted".
///
/// Predicting takes seconds (load the weights and the dataset, run the network), so it runs with
/// QtConcurrent in a worker thread that opens its own ExperimentStore, while the view says
/// "Evaluating…". A run is evaluated only while the view is visible (once per run).
class ConfusionView : public QWidget
{
    Q_OBJECT

public:
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

    /// The line above the matrix: "Evaluating…", the accuracy, or an error.
    QString statusText() const;
    QTableWidget *matrixTable() const { return m_matrix; }
    int misclassifiedShown() const { return int(m_captions.size()); }
    /// "T-shirt/top → Shirt", one per misclassified image shown, in test order.
    QStringList misclassifiedCaptions() const { return m_captions; }

Q_SIGNALS:
    /// An evaluation finished and is shown (successful or not).
    void resultShown(qint64 runId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void startEvaluation();
    void evaluationDone();
    void clearImages();

    QString m_dbPath;
    QString m_dataDir;
    qint64 m_runId = -1;
    qint64 m_shownRunId = -1; ///< the run whose result (or evaluation) is on screen
    qint64 m_evaluatingRunId = -1;
    QFutureWatcher<ConfusionResult> m_watcher;
    QLabel *m_status = nullptr;
    QTableWidget *m_matrix = nullptr;
    QWidget *m_imageGrid = nullptr;
    QGridLayout *m_imageLayout = nullptr;
    QStringList m_captions;
};

} // namespace qb
