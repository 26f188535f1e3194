#pragma once

#include <QLocale>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QTranslator;

namespace qb {

/// Installs the translators for the chosen user-interface language: QuantBench's own strings
/// (embedded :/i18n/quantbench_<code>.qm) and Qt's (standard dialogs, from Qt's translations folder).
/// English is the source language and needs no translator. Lives in the GUI thread.
class LanguageManager : public QObject
{
    Q_OBJECT
public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    /// Language codes offered in the settings ("en", "es").
    static QStringList available();
    /// The language's own name for the menu ("English", "Español").
    static QString nativeName(const QString &code);
    /// "" (follow the system locale) resolves to "es" for a Spanish locale, else "en"; a known code
    /// resolves to itself; an unknown one to "en".
    static QString resolve(const QString &code);

    /// The locale numbers are shown in for a language code (Spanish: 0,05; English: 0.05).
    static QLocale localeFor(const QString &code);

    /// Replaces the installed translators and makes the language's locale the default one (so that
    /// widgets created afterwards show numbers the language's way; the quantizer and nonideality
    /// catalogues notice the new translators themselves). Returns false when QuantBench's catalogue for the
    /// language cannot be loaded (English stays in use then).
    bool apply(const QString &code);
    /// The code in use ("en" or "es").
    QString current() const { return m_current; }

private:
    bool installTranslators(const QString &language);
    void removeTranslators();

    QString m_current = QStringLiteral("en");
    std::unique_ptr<QTranslator> m_appTranslator;
    std::unique_ptr<QTranslator> m_qtTranslator;
};

} // namespace qb
