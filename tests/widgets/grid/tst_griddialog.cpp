// GridDialog: the fields it derives from an experiment, the live count, expand()'s message for a bad
// value with Start disabled, and the grid it gives (widgets/grid).

#include "grid/griddialog.h"
#include "spec/presetlibrary.h"

#include <QComboBox>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QtTest>

using namespace qb;

class TestGridDialog : public QObject
{
    Q_OBJECT

private:
    static ExperimentSpec bnn()
    {
        ExperimentSpec spec;
        spec.network = *PresetLibrary::load(QStringLiteral("larq-mnist-bnn"));
        spec.name = spec.network.name;
        return spec;
    }

private Q_SLOTS:
    void derivesFieldsFromTheNetwork()
    {
        GridDialog dialog(bnn());
        QStringList paths;
        QString label;
        for (const GridField &f : dialog.fields()) {
            paths << f.path;
            if (f.path == QLatin1String("layers[3].kernel_quantizer.name"))
                label = f.label;
        }
        QVERIFY(paths.contains(QStringLiteral("train.learning_rate")));
        QVERIFY(paths.contains(QStringLiteral("train.batch_size")));
        QVERIFY(paths.contains(QStringLiteral("train.epochs")));
        QVERIFY2(
            paths.contains(QStringLiteral("layers[3].kernel_quantizer.name")), qPrintable(paths.join(' ')));
        QVERIFY(paths.contains(QStringLiteral("layers[3].input_quantizer.clip")));
        QCOMPARE(label, QStringLiteral("Layer 4 QuantConv2D · kernel quantizer · name"));
        // Layer 1 has no input quantizer, pooling layers no weights: nothing offered for them.
        QVERIFY(!paths.contains(QStringLiteral("layers[0].input_quantizer.name")));
        QVERIFY(!std::any_of(
            paths.cbegin(), paths.cend(), [](const QString &p) { return p.startsWith("layers[1]."); }));
        // The combo offers them with the labels, the path as data.
        QComboBox *combo = dialog.fieldCombo(0);
        QVERIFY(combo);
        QCOMPARE(combo->count(), dialog.fields().size());
        QVERIFY(combo->findData(QStringLiteral("layers[3].kernel_quantizer.name")) >= 0);
    }

    void nonidealityFieldsAreOffered()
    {
        ExperimentSpec spec;
        spec.network = *PresetLibrary::load(QStringLiteral("larq-bnn-noisy"));
        GridDialog dialog(spec);
        QStringList paths;
        for (const GridField &f : dialog.fields())
            paths << f.path;
        QVERIFY2(
            paths.contains(QStringLiteral("layers[0].nonidealities[0].sigma")), qPrintable(paths.join(' ')));
    }

    void countsAndGivesTheGrid()
    {
        GridDialog dialog(bnn());
        dialog.valuesEdit(0)->clear();
        const int row = 0;
        dialog.fieldCombo(row)->setCurrentIndex(
            dialog.fieldCombo(row)->findData(QStringLiteral("train.learning_rate")));
        dialog.valuesEdit(row)->setText(QStringLiteral("1e-3, 1e-2"));
        const int second = dialog.addAxis(
            QStringLiteral("layers[3].kernel_quantizer.name"), QStringLiteral("ste_sign , ternary_twn"));
        dialog.seedsSpin()->setValue(2);
        dialog.validate();
        QCOMPARE(dialog.countText(), QStringLiteral("4 configuration(s) × 2 seed(s) = 8 trial(s)"));
        QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
        QVERIFY(dialog.startButton()->isEnabled());
        const Result<GridSpec> grid = dialog.grid();
        QVERIFY2(grid, qPrintable(grid ? QString() : grid.error()));
        QCOMPARE(grid->axes.size(), 2);
        QCOMPARE(grid->axes[0].path, QStringLiteral("train.learning_rate"));
        QCOMPARE(grid->axes[0].values, (QList<QJsonValue>{1e-3, 1e-2}));
        QCOMPARE(grid->axes[1].values,
            (QList<QJsonValue>{QStringLiteral("ste_sign"), QStringLiteral("ternary_twn")}));
        QCOMPARE(grid->seeds, 2);
        QCOMPARE(grid->trialCount(), 8);
        // A picture for the docs and the review (QB_SCREENSHOT_DIR=folder), at its default size and
        // at what fits a 1366x768 screen.
        if (const QString shots = qEnvironmentVariable("QB_SCREENSHOT_DIR"); !shots.isEmpty()) {
            dialog.setSlurmAvailable(true);
            dialog.show();
            QVERIFY(dialog.grab().save(shots + QStringLiteral("/grid-dialog.png")));
            dialog.valuesEdit(0)->setText(QStringLiteral("1e-3, oops"));
            dialog.validate();
            dialog.resize(dialog.minimumSizeHint());
            dialog.layout()->activate();
            QCoreApplication::processEvents();
            QVERIFY(dialog.grab().save(shots + QStringLiteral("/grid-dialog-error-min.png")));
            dialog.valuesEdit(0)->setText(QStringLiteral("1e-3, 1e-2"));
            dialog.validate();
        }
        // Ranges.
        dialog.removeAxis(second);
        dialog.fieldCombo(0)->setCurrentIndex(dialog.fieldCombo(0)->findData(QStringLiteral("train.epochs")));
        dialog.valuesEdit(0)->setText(QStringLiteral("2..8:2"));
        dialog.seedsSpin()->setValue(1);
        dialog.validate();
        QCOMPARE(dialog.countText(), QStringLiteral("4 configuration(s) × 1 seed(s) = 4 trial(s)"));
        QVERIFY(dialog.startButton()->isEnabled());
    }

    void badValueShowsExpandsErrorAndDisablesStart()
    {
        GridDialog dialog(bnn());
        dialog.fieldCombo(0)->setCurrentIndex(
            dialog.fieldCombo(0)->findData(QStringLiteral("layers[3].kernel_quantizer.name")));
        dialog.valuesEdit(0)->setText(QStringLiteral("ste_sign, no_such_quantizer"));
        // Start is disabled at once, before the (delayed) check.
        QVERIFY(!dialog.startButton()->isEnabled());
        dialog.validate(); // what the timer does a moment later
        const QString error = dialog.errorText();
        QVERIFY2(error.contains(QStringLiteral("layers[3].kernel_quantizer.name")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("no_such_quantizer")), qPrintable(error));
        QVERIFY(!dialog.startButton()->isEnabled());
        QCOMPARE(dialog.countText(), QStringLiteral("2 configuration(s) × 1 seed(s) = 2 trial(s)"));
        // Accepting anyway (Enter, a test) does not close it.
        dialog.show();
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.isVisible());
        // Fixing it enables Start.
        dialog.valuesEdit(0)->setText(QStringLiteral("ste_sign, ternary_twn"));
        QTRY_VERIFY(dialog.startButton()->isEnabled());
        QVERIFY(dialog.errorText().isEmpty());
    }

    void emptyValuesAndDuplicatesAreRefused()
    {
        GridDialog dialog(bnn());
        dialog.validate();
        QVERIFY(!dialog.startButton()->isEnabled()); // the first row has no values yet
        QVERIFY(!dialog.errorText().isEmpty());
        dialog.valuesEdit(0)->setText(QStringLiteral("1, 2"));
        dialog.addAxis(dialog.fieldCombo(0)->currentData().toString(), QStringLiteral("3"));
        dialog.validate();
        QVERIFY(!dialog.startButton()->isEnabled());
        QVERIFY2(dialog.errorText().contains(QStringLiteral("twice")), qPrintable(dialog.errorText()));
    }

    void slurmIsDisabledWithoutSbatch()
    {
        GridDialog dialog(bnn());
        dialog.setSlurmAvailable(false);
        QVERIFY(!dialog.slurmRadio()->isEnabled());
        QVERIFY(dialog.slurmRadio()->toolTip().contains(QStringLiteral("sbatch")));
        QVERIFY(!dialog.useSlurm());
        dialog.setSlurmAvailable(true);
        QVERIFY(dialog.slurmRadio()->isEnabled());
        dialog.slurmRadio()->setChecked(true);
        QVERIFY(dialog.useSlurm());
        QVERIFY(!dialog.jobsSpin()->isEnabled());
    }
};

QTEST_MAIN(TestGridDialog)
#include "tst_griddialog.moc"
