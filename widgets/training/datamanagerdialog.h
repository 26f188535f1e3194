#pragma once

#include "util/result.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QString>

#include <atomic>
#include <functional>

class QLabel;
class QProcess;
class QProgressBar;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace qb {

class DatasetDownloader;

/// Shows where each known dataset was found (or where it was looked for) and makes one available:
/// "Import folder…" verifies a folder's files by loading them and copies them into the user's dataset
/// folder; "Download" fetches MNIST, CIFAR-10 or N-MNIST (checksums verified, resumable) into the same
/// place and unpacks the archives (CIFAR-10's .tar.gz with tar, N-MNIST's two zips on a worker thread
/// with ZipExtractor).
/// That folder, $XDG_DATA_HOME/quantbench/datasets/NAME, is on the locator's search path, so the
/// dataset is found from then on by name. Lives in the GUI thread.
class DataManagerDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DataManagerDialog(QWidget *parent = nullptr);
    ~DataManagerDialog() override;

    /// The user's folder for dataset `name` (the locator's $XDG_DATA_HOME/quantbench/datasets/NAME).
    static QString userDatasetFolder(const QString &name);
    /// One line about where `name` is: "found in <folder>" or "not found (searched: ...)". Does not
    /// read the dataset.
    static QString statusText(const QString &name);
    /// Checks that `folder` holds a readable dataset `name` (by loading it) and copies its files into
    /// userDatasetFolder(name). Returns that folder, or an error naming the file at fault.
    static Result<QString> importDataset(const QString &name, const QString &folder);
    /// True for the datasets "Download" can fetch.
    static bool canDownload(const QString &name);
    /// After N-MNIST's download: unpacks train.zip and test.zip in `folder` (each replacing the Train/ or
    /// Test/ folder it holds), deletes each archive once unpacked, and checks that both folders are
    /// there. Blocking (the dialog runs it on a worker thread); `cancel` and `progress` as in
    /// ZipExtractor::extract; `progress` gets thousandths of the whole job (0 ... 1000). Returns the folder.
    static Result<QString> unpackNmnist(const QString &folder, const std::atomic_bool *cancel = nullptr,
        const std::function<void(int permille)> &progress = {});

    /// The dataset of the selected row (empty when none).
    QString selectedDataset() const;
    void selectDataset(const QString &name);

public Q_SLOTS:
    /// Re-checks every dataset's location.
    void refresh();

Q_SIGNALS:
    /// A dataset was imported or downloaded.
    void datasetsChanged();

private:
    void importFolder();
    void download();
    void cancelDownload();
    void onDownloadFinished(const QString &name);
    void extractCifar(const QString &folder);
    void unpackNmnistAsync(const QString &folder);
    void setBusy(bool busy);
    void showMessage(const QString &text, bool error);
    void updateButtons();

    QTreeWidget *m_table;
    QPushButton *m_importButton;
    QPushButton *m_downloadButton;
    QPushButton *m_cancelButton;
    QProgressBar *m_progress;
    QLabel *m_message;
    DatasetDownloader *m_downloader = nullptr;
    QProcess *m_extract = nullptr;
    QFutureWatcher<Result<QString>> m_unpack;
    std::atomic_bool m_unpackCancel{false};
    std::atomic_int m_unpackPermille{0}; ///< written by the worker, shown by m_unpackTimer
    QTimer *m_unpackTimer;
    bool m_busy = false;
};

} // namespace qb
