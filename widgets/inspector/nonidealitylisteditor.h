#pragma once

#include "spec/noisespec.h"

#include <QList>
#include <QMap>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QToolButton;
class QWidget;

namespace qb {

class ParameterEditor;

/// The simulated hardware nonidealities of a conv/dense layer, in the order they are applied:
/// a list ("weight_noise (both)"), buttons to add (a menu of the catalogue's models), remove and
/// reorder, and for the selected entry its phase (training, evaluation or both) and parameters.
///
/// Undo fields: "nonidealities[i].phase" and "nonidealities[i].<key>" (i counted from 1, as in
/// the validator's messages) for value edits, which merge while dragging; adding, removing and
/// moving use an empty field, so each is an undo step of its own.
class NonidealityListEditor : public QWidget
{
    Q_OBJECT
public:
    explicit NonidealityListEditor(QWidget *parent = nullptr);

    /// Shows `specs` without emitting, keeping the selected row where it still exists.
    void setNonidealities(const QList<NoiseSpec> &specs);
    const QList<NoiseSpec> &nonidealities() const { return m_specs; }
    int currentRow() const;
    void setCurrentRow(int row);

    /// Validation problems by row (0-based); rows not in the map are shown as fine.
    void setIssues(const QMap<int, QString> &issuesByRow);

    QListWidget *listWidget() const { return m_list; }
    QToolButton *addButton() const { return m_add; }
    QToolButton *removeButton() const { return m_remove; }
    QToolButton *moveUpButton() const { return m_up; }
    QToolButton *moveDownButton() const { return m_down; }
    QComboBox *phaseComboBox() const { return m_phase; }
    ParameterEditor *parameterEditor() const { return m_parameters; }

public Q_SLOTS:
    /// Appends a nonideality of catalogue model `model` with default parameters and selects it.
    void addNonideality(const QString &model);
    void removeCurrent();
    void moveCurrentUp();
    void moveCurrentDown();

Q_SIGNALS:
    void nonidealitiesEdited(const QList<qb::NoiseSpec> &specs, const QString &field);

private:
    void fillList();
    void showDetails();
    void updateButtons();
    void moveCurrent(int delta);
    void emitEdited(const QString &field);
    QString entryField(int row, const QString &key) const;

    QList<NoiseSpec> m_specs;
    QMap<int, QString> m_issues;
    QListWidget *m_list;
    QToolButton *m_add;
    QToolButton *m_remove;
    QToolButton *m_up;
    QToolButton *m_down;
    QWidget *m_details;
    QLabel *m_description;
    QComboBox *m_phase;
    ParameterEditor *m_parameters;
};

} // namespace qb
