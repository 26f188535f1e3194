#include "history/confusionexport.h"

#include "history/historyexport.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetrics>
#include <QPainter>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace qb {

namespace {

QString trExport(const char *text) { return QCoreApplication::translate("qb::ConfusionExport", text); }

Status noMatrix(const QString &path)
{
    return Status::failure(trExport("%1: there is no confusion matrix to export").arg(path));
}

int rowTotal(const ConfusionResult &result, int trueClass)
{
    int total = 0;
    for (int count : result.matrix.at(trueClass))
        total += count;
    return total;
}

} // namespace

QColor ConfusionExport::cellColor(bool diagonal, double share)
{
    const QColor full = diagonal ? QColor(31, 100, 180) : QColor(200, 40, 40);
    const double t = std::clamp(share, 0.0, 1.0);
    return QColor(int(255 + (full.red() - 255) * t), int(255 + (full.green() - 255) * t),
        int(255 + (full.blue() - 255) * t));
}

QString ConfusionExport::csv(const ConfusionResult &result)
{
    const int classes = result.numClasses();
    QStringList header{QStringLiteral("true \\ predicted")};
    for (int c = 0; c < classes; ++c)
        header.append(result.classNames.value(c, QString::number(c)));
    QString text = HistoryExport::csvLine(header) + QLatin1Char('\n');
    for (int t = 0; t < classes; ++t) {
        QStringList row{result.classNames.value(t, QString::number(t))};
        for (int count : result.matrix.at(t))
            row.append(QString::number(count));
        text += HistoryExport::csvLine(row) + QLatin1Char('\n');
    }
    return text;
}

Status ConfusionExport::exportCsv(const ConfusionResult &result, const QString &path)
{
    if (result.numClasses() == 0)
        return noMatrix(path);
    QSaveFile file(path);
    const QByteArray bytes = csv(result).toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Status::failure(trExport("Cannot write %1: %2").arg(path, file.errorString()));
    return Status();
}

QImage ConfusionExport::render(const ConfusionResult &result, const QFont &font, qreal scale)
{
    const int classes = result.numClasses();
    const QFontMetrics fm(font);
    QFont bold = font;
    bold.setBold(true);
    const QFontMetrics boldFm(bold);
    const int pad = std::max(4, fm.height() / 2);
    const int margin = 2 * pad;

    int labelWidth = 0;
    int maxCount = 0;
    for (int c = 0; c < classes; ++c) {
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(result.classNames.value(c)));
        for (int count : result.matrix.at(c))
            maxCount = std::max(maxCount, count);
    }
    const int cell = std::max({fm.horizontalAdvance(QString::number(maxCount)) + 2 * pad,
        fm.horizontalAdvance(QStringLiteral("0000")), 2 * fm.height()});

    const QString title = QCoreApplication::translate(
        "qb::ConfusionExport", "Run %1 on %2: %3 % of %n test sample(s) right", nullptr, result.samples)
                              .arg(result.runId)
                              .arg(result.dataset)
                              .arg(result.accuracy() * 100.0, 0, 'f', 2);
    const QString predictedAxis = trExport("predicted class");
    const QString trueAxis = trExport("true class");

    const int titleTop = margin;
    const int axisTop = titleTop + boldFm.height() + pad;
    const int headerTop = axisTop + fm.height() + pad / 2;
    const int gridTop = headerTop + labelWidth + pad;
    const int axisLeft = margin;
    const int headerLeft = axisLeft + fm.height() + pad / 2;
    const int gridLeft = headerLeft + labelWidth + pad;
    const int gridSize = classes * cell;
    const int width = std::max(gridLeft + gridSize + margin, boldFm.horizontalAdvance(title) + 2 * margin);
    const int height = gridTop + std::max(gridSize, fm.horizontalAdvance(trueAxis)) + margin;

    QImage image(QSize(width, height) * scale, QImage::Format_RGB32);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.setPen(Qt::black);

    p.setFont(bold);
    p.drawText(QRect(margin, titleTop, width - 2 * margin, boldFm.height()), Qt::AlignLeft | Qt::AlignVCenter,
        title);
    p.setFont(font);
    p.drawText(QRect(gridLeft, axisTop, std::max(gridSize, fm.horizontalAdvance(predictedAxis)), fm.height()),
        Qt::AlignCenter, predictedAxis);
    p.save();
    // "true class" reads bottom to top along the rows.
    p.translate(axisLeft, gridTop + std::max(gridSize, fm.horizontalAdvance(trueAxis)));
    p.rotate(-90);
    p.drawText(QRect(0, 0, std::max(gridSize, fm.horizontalAdvance(trueAxis)), fm.height()), Qt::AlignCenter,
        trueAxis);
    p.restore();

    for (int c = 0; c < classes; ++c) {
        const QString name = result.classNames.value(c);
        // Row header: right-aligned next to the grid.
        p.drawText(
            QRect(headerLeft, gridTop + c * cell, labelWidth, cell), Qt::AlignRight | Qt::AlignVCenter, name);
        // Column header: rotated, ending just above the grid.
        p.save();
        p.translate(gridLeft + c * cell, gridTop - pad / 2);
        p.rotate(-90);
        p.drawText(QRect(0, 0, labelWidth, cell), Qt::AlignLeft | Qt::AlignVCenter, name);
        p.restore();
    }

    for (int t = 0; t < classes; ++t) {
        const int total = rowTotal(result, t);
        for (int pr = 0; pr < classes; ++pr) {
            const int count = result.matrix.at(t).at(pr);
            const double share = total > 0 ? double(count) / total : 0.0;
            const QRect r(gridLeft + pr * cell, gridTop + t * cell, cell, cell);
            p.fillRect(r, cellColor(t == pr, share));
            p.setPen(share > 0.55 ? Qt::white : Qt::black);
            p.drawText(r, Qt::AlignCenter, QString::number(count));
        }
    }
    p.setPen(QColor(200, 200, 200));
    for (int i = 0; i <= classes; ++i) {
        p.drawLine(gridLeft + i * cell, gridTop, gridLeft + i * cell, gridTop + gridSize);
        p.drawLine(gridLeft, gridTop + i * cell, gridLeft + gridSize, gridTop + i * cell);
    }
    p.end();
    return image;
}

Status ConfusionExport::exportPng(const ConfusionResult &result, const QString &path, const QFont &font)
{
    if (result.numClasses() == 0)
        return noMatrix(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !render(result, font).save(&file, "PNG") || !file.commit())
        return Status::failure(trExport("Cannot write %1: %2").arg(path, file.errorString()));
    return Status();
}

Status ConfusionExport::exportFile(const ConfusionResult &result, const QString &path, const QFont &font)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv"))
        return exportCsv(result, path);
    if (suffix == QLatin1String("png"))
        return exportPng(result, path, font);
    return Status::failure(trExport("%1: unknown format '%2' (use .png or .csv)").arg(path, suffix));
}

} // namespace qb
