// The PDF lab report, read back by poppler (pdfinfo, pdftotext, pdftoppm) rather than by us: A4,
// several pages, the run's name, accuracy, layers and settings in its text, and a first page
// that renders to something other than a blank sheet. Also the report without a confusion matrix
// and an unwritable target. Uses QTEST_MAIN (not GUILESS): drawing text needs a QGuiApplication.
//
// Set QB_REPORT_SAMPLE_DIR to keep the PDF and PNGs of its pages there for a look.
#include "export/labreport.h"

#include "data/datasetlocator.h"
#include "spec/presetlibrary.h"
#include "util/version.h"

#include "runarchivetesting.h"

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <limits>

using namespace qb;

namespace {

struct Ran
{
    int exitCode = -1;
    QString out;
    QString err;
};

Ran runTool(const QString &tool, const QStringList &arguments)
{
    Ran r;
    const QString exe = QStandardPaths::findExecutable(tool);
    if (exe.isEmpty()) {
        r.err = tool + QStringLiteral(" is not installed");
        return r;
    }
    QProcess p;
    p.start(exe, arguments);
    if (!p.waitForFinished(120000)) {
        r.err = tool + QStringLiteral(" did not finish");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

class TestLabReport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void reportReadsBack();
    void firstPageIsNotBlank();
    void withoutConfusionSaysSo();
    void largeNetworkAndOddData();
    void unwritableTarget();

private:
    QString sampleDir() const { return qEnvironmentVariable("QB_REPORT_SAMPLE_DIR"); }

    QTemporaryDir m_dir;
    testdata::TrainedRun m_run;
    RunArchive m_archive;
    QString m_pdf;
};

void TestLabReport::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftoppm")).isEmpty())
        QSKIP("poppler-utils (pdftoppm, pdfinfo, pdftotext) are not installed");
    QVERIFY(m_dir.isValid());
    m_run = testdata::trainSmallRun(m_dir.filePath(QStringLiteral("run")));
    QVERIFY2(m_run.runId > 0, qPrintable(m_run.error));
    auto data = DatasetLocator::load(QStringLiteral("mnist"), m_run.dataDir);
    QVERIFY2(data, qPrintable(data.error()));

    ExperimentStore store;
    QVERIFY(store.open(m_run.dbPath));
    const QString sweepError = testdata::addSweeps(store, m_run.runId);
    QVERIFY2(sweepError.isEmpty(), qPrintable(sweepError));
    QVERIFY(store.setNotes(m_run.runId, QStringLiteral("Lab 3: binarized convolution on band images.")));
    auto archive = testdata::archiveOf(store, m_run.runId);
    QVERIFY2(archive, qPrintable(archive.error()));
    m_archive = *archive;
    auto confusion = testdata::confusionOf(store, m_run.runId, data->test, data->numClasses);
    QVERIFY2(confusion, qPrintable(confusion.error()));
    m_archive.confusion = *confusion;
    m_archive.model.classNames = data->classNames;

    m_pdf = m_dir.filePath(QStringLiteral("reports/lab report.pdf"));
    const Status s = writeLabReport(m_archive, m_pdf);
    QVERIFY2(s, qPrintable(s.error()));
    QVERIFY(QFileInfo(m_pdf).size() > 10000);
    if (!sampleDir().isEmpty()) {
        QDir().mkpath(sampleDir());
        QFile::remove(sampleDir() + QStringLiteral("/report.pdf"));
        QVERIFY(QFile::copy(m_pdf, sampleDir() + QStringLiteral("/report.pdf")));
        const Ran pages = runTool(QStringLiteral("pdftoppm"),
            {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("80"), m_pdf,
                sampleDir() + QStringLiteral("/page")});
        QCOMPARE(pages.exitCode, 0);
    }
}

void TestLabReport::reportReadsBack()
{
    const Ran info = runTool(QStringLiteral("pdfinfo"), {m_pdf});
    QVERIFY2(info.exitCode == 0, qPrintable(info.err));
    const QRegularExpressionMatch pages
        = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info.out);
    QVERIFY2(pages.hasMatch(), qPrintable(info.out));
    const int pageCount = pages.captured(1).toInt();
    qInfo() << "report" << QFileInfo(m_pdf).size() << "bytes," << pageCount << "pages";
    QVERIFY(pageCount >= 2);
    QVERIFY(pageCount <= 12);
    // A4 is 595 x 842 points
    QVERIFY2(QRegularExpression(QStringLiteral("Page size:\\s+595(\\.\\d+)? x 84[12](\\.\\d+)? pts"))
                 .match(info.out)
                 .hasMatch(),
        qPrintable(info.out));
    QVERIFY2(info.out.contains(QStringLiteral("Lab report: ") + m_archive.run.name), qPrintable(info.out));

    const Ran text
        = runTool(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), m_pdf, QStringLiteral("-")});
    QVERIFY2(text.exitCode == 0, qPrintable(text.err));
    const QString accuracy = QStringLiteral("%1 %").arg(100.0 * m_archive.run.finalTestAccuracy, 0, 'f', 2);
    for (const QString &expected : {m_archive.run.name, accuracy, QStringLiteral("Model summary"),
             QStringLiteral("Network"), QStringLiteral("Training"), QStringLiteral("Confusion matrix"),
             QStringLiteral("Sweeps"), QStringLiteral("Settings"), QStringLiteral("Quantizers per layer"),
             QStringLiteral("ste_sign"), QStringLiteral("frac_bits"), QStringLiteral("sigma"),
             QStringLiteral("Lab 3: binarized convolution"), m_archive.summary.layers.first().name,
             QStringLiteral("Seed"), QStringLiteral("with QuantBench ") + quantbenchVersion()})
        QVERIFY2(text.out.contains(expected),
            qPrintable(QStringLiteral("'%1' is not in the report's text").arg(expected)));
    QVERIFY(!text.out.contains(QStringLiteral("was not available")));
}

void TestLabReport::firstPageIsNotBlank()
{
    QTemporaryDir out;
    const QString prefix = out.filePath(QStringLiteral("page"));
    const Ran r = runTool(QStringLiteral("pdftoppm"),
        {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("50"), QStringLiteral("-f"),
            QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"), m_pdf, prefix});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QStringList pngs = QDir(out.path()).entryList({QStringLiteral("page*.png")});
    QCOMPARE(pngs.size(), 1);
    const QImage page(out.filePath(pngs.first()));
    QVERIFY(!page.isNull());
    // A4 at 50 dpi: 413 x 585 pixels
    QVERIFY(qAbs(page.width() - 413) <= 2 && qAbs(page.height() - 585) <= 2);
    qint64 ink = 0;
    QSet<QRgb> colors;
    for (int y = 0; y < page.height(); ++y) {
        for (int x = 0; x < page.width(); ++x) {
            const QRgb c = page.pixel(x, y);
            if (qRed(c) < 235 || qGreen(c) < 235 || qBlue(c) < 235)
                ++ink;
            if (colors.size() < 5000)
                colors.insert(c & 0xF0F0F0); // coarse, so antialiasing alone does not count
        }
    }
    const double share = double(ink) / (double(page.width()) * page.height());
    qInfo() << "page 1:" << page.size() << "non-white share" << share << "coarse colors" << colors.size();
    QVERIFY(share > 0.04);
    QVERIFY(share < 0.6);
    QVERIFY(colors.size() > 8);
}

void TestLabReport::withoutConfusionSaysSo()
{
    RunArchive archive = m_archive;
    archive.confusion.clear();
    archive.sweeps.clear();
    const QString pdf = m_dir.filePath(QStringLiteral("no-confusion.pdf"));
    const Status s = writeLabReport(archive, pdf);
    QVERIFY2(s, qPrintable(s.error()));
    const Ran text = runTool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    QVERIFY2(text.exitCode == 0, qPrintable(text.err));
    const QString flat = text.out.simplified();
    QVERIFY2(flat.contains(QStringLiteral("The confusion matrix was not available")), qPrintable(flat));
    QVERIFY2(flat.contains(QStringLiteral("No sweep")), qPrintable(flat));
}

void TestLabReport::largeNetworkAndOddData()
{
    // 23 layers, 60 epochs with a diverged loss, a failed run, sweeps without points or with NaN,
    // a confusion vector that is not square: the report still comes out, all of it on its pages.
    auto network = PresetLibrary::load(QStringLiteral("cifar10-bnn"));
    QVERIFY2(network, qPrintable(network.error()));
    ExperimentSpec spec;
    spec.name = QStringLiteral("A long experiment name that goes on and on, as students' names for runs do");
    spec.dataset = QStringLiteral("cifar10");
    spec.network = *network;
    spec.train.optimizer = OptimizerKind::Sgd;
    spec.train.earlyStoppingPatience = 5;
    for (LayerSpec &layer : spec.network.layers) {
        if (layer.type == LayerType::Dense) {
            NoiseSpec noise;
            noise.model = QStringLiteral("weight_noise");
            noise.params.insert(QStringLiteral("sigma"), 0.05);
            noise.params.insert(QStringLiteral("relative"), true);
            layer.nonidealities << noise;
        }
    }
    RunArchive a = m_archive;
    a.run.name = spec.name;
    a.run.specJson = QString::fromUtf8(QJsonDocument(spec.toJson()).toJson(QJsonDocument::Compact));
    a.run.status = RunStatus::Failed;
    a.run.error = QStringLiteral("the loss diverged (NaN) in epoch 31");
    a.summary = *ModelSummary::compute(spec.network);
    a.epochs.clear();
    for (int e = 1; e <= 60; ++e) {
        EpochMetrics m;
        m.epoch = e;
        m.trainLoss = e == 31 ? std::numeric_limits<double>::quiet_NaN() : 2.0 / e;
        m.testLoss = 2.2 / e;
        m.trainAccuracy = 1.0 - 0.9 / e;
        m.testAccuracy = 1.0 - 0.95 / e;
        m.seconds = 12.5;
        m.samplesPerSecond = 4000;
        a.epochs << m;
    }
    a.run.epochsDone = 60;
    SweepRecord empty;
    empty.kind = QStringLiteral("montecarlo");
    SweepRecord odd = a.sweeps.first();
    odd.points[1].loss = std::numeric_limits<double>::quiet_NaN();
    a.sweeps = {empty, odd};
    a.confusion = QVector<int>(7, 1);
    const QString pdf = m_dir.filePath(QStringLiteral("large.pdf"));
    const Status s = writeLabReport(a, pdf);
    QVERIFY2(s, qPrintable(s.error()));
    if (!sampleDir().isEmpty()) {
        QFile::remove(sampleDir() + QStringLiteral("/large.pdf"));
        QVERIFY(QFile::copy(pdf, sampleDir() + QStringLiteral("/large.pdf")));
        QCOMPARE(runTool(QStringLiteral("pdftoppm"),
                     {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("80"), pdf,
                         sampleDir() + QStringLiteral("/large")})
                     .exitCode,
            0);
    }
    const Ran info = runTool(QStringLiteral("pdfinfo"), {pdf});
    QVERIFY2(info.exitCode == 0, qPrintable(info.err));
    const int pages
        = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info.out).captured(1).toInt();
    qInfo() << "large report:" << pages << "pages";
    QVERIFY(pages >= 4 && pages <= 20);
    const Ran text = runTool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    const QString flat = text.out.simplified();
    for (const QString &expected : {QStringLiteral("The run failed: the loss diverged"),
             QStringLiteral("The confusion matrix was not available"), QStringLiteral("Momentum"),
             QStringLiteral("patience 5 epochs"), QStringLiteral("This montecarlo sweep has no points"),
             QStringLiteral("weight_noise (both; relative true, sigma 0.05)"), QStringLiteral("MiB"),
             a.summary.layers.last().name})
        QVERIFY2(
            flat.contains(expected), qPrintable(QStringLiteral("'%1' is not in the report").arg(expected)));
}

void TestLabReport::unwritableTarget()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("somefile"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    const QString target = file + QStringLiteral("/report.pdf");
    const Status s = writeLabReport(m_archive, target);
    QVERIFY(!s);
    qInfo().noquote() << s.error();
    QVERIFY2(s.error().contains(QDir::toNativeSeparators(target)), qPrintable(s.error()));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
        QStringList{QStringLiteral("somefile")});
}

QTEST_MAIN(TestLabReport)
#include "tst_labreport.moc"
