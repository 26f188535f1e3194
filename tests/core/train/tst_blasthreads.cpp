// setBlasThreads reaches OpenBLAS's thread pool (the BLAS scripts/setup.sh installs) and
// Trainer::applyThreadCount leaves it at one thread next to torch's own. Here rather than under
// tests/core/util: the BLAS library is only loaded in a process that links torch.
#include "train/trainer.h"
#include "util/blasthreads.h"

#include <QThread>
#include <QtTest>

#include <dlfcn.h>

using namespace qb;

namespace {

/// openblas_get_num_threads(), or -1 when the process's BLAS is not OpenBLAS.
int openBlasThreads()
{
    using GetThreads = int (*)();
    const auto get = reinterpret_cast<GetThreads>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
    return get ? get() : -1;
}

} // namespace

class TestBlasThreads : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void setsOpenBlasThreads();
};

void TestBlasThreads::setsOpenBlasThreads()
{
    if (openBlasThreads() < 0) {
        QVERIFY(!setBlasThreads(1)); // another BLAS: nothing to set, and it says so
        QSKIP("the BLAS library is not OpenBLAS (scripts/setup.sh installs it)");
    }
    QVERIFY(setBlasThreads(2));
    QCOMPARE(openBlasThreads(), QThread::idealThreadCount() >= 2 ? 2 : 1);
    QVERIFY(setBlasThreads(1));
    QCOMPARE(openBlasThreads(), 1);
    QVERIFY(!setBlasThreads(0));
    QCOMPARE(openBlasThreads(), 1);
    // Training's thread setting puts it back at one.
    QVERIFY(setBlasThreads(2));
    QCOMPARE(Trainer::applyThreadCount(2), 2);
    QCOMPARE(openBlasThreads(), 1);
}

QTEST_GUILESS_MAIN(TestBlasThreads)
#include "tst_blasthreads.moc"
