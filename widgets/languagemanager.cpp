#include "languagemanager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace qb {

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
{
}

LanguageManager::~LanguageManager() { removeTranslators(); }

QStringList LanguageManager::available() { return {QStringLiteral("en"), QStringLiteral("es")}; }

QString LanguageManager::nativeName(const QString &code)
{
    // Each language is named in itself, so a user can find their own in any interface language.
    if (code == QLatin1String("es"))
        return QStringLiteral("Español");
    return QStringLiteral("English");
}

QString LanguageManager::resolve(const QString &code)
{
    if (code.isEmpty())
        return QLocale::system().language() == QLocale::Spanish ? QStringLiteral("es") : QStringLiteral("en");
    return available().contains(code) ? code : QStringLiteral("en");
}

QLocale LanguageManager::localeFor(const QString &code)
{
    // Numbers follow the interface language (0,05 in Spanish), not the system locale,
    // so that a Spanish window never shows English separators and vice versa.
    if (resolve(code) != QLatin1String("es"))
        return QLocale(QLocale::English, QLocale::UnitedStates);
    // Without digit grouping: Qt 6.4 groups Spanish numbers wrongly ("2794.240" for 2 794 240),
    // and the RAE advises against the point as a thousands separator anyway.
    QLocale spanish(QLocale::Spanish, QLocale::Spain);
    spanish.setNumberOptions(QLocale::OmitGroupSeparator);
    return spanish;
}

bool LanguageManager::apply(const QString &code)
{
    const bool applied = installTranslators(resolve(code));
    QLocale::setDefault(localeFor(m_current));
    return applied;
}

bool LanguageManager::installTranslators(const QString &language)
{
    removeTranslators();
    m_current = QStringLiteral("en");
    if (language == QLatin1String("en"))
        return true;
    auto app = std::make_unique<QTranslator>();
    if (!app->load(QStringLiteral(":/i18n/quantbench_%1.qm").arg(language)))
        return false;
    QCoreApplication::installTranslator(app.get());
    m_appTranslator = std::move(app);
    // Qt's own strings (file dialogs, message box buttons): optional, present when the Debian
    // package qt6-translations-l10n is installed.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        m_qtTranslator = std::move(qt);
    }
    m_current = language;
    return true;
}

void LanguageManager::removeTranslators()
{
    if (m_appTranslator)
        QCoreApplication::removeTranslator(m_appTranslator.get());
    if (m_qtTranslator)
        QCoreApplication::removeTranslator(m_qtTranslator.get());
    m_appTranslator.reset();
    m_qtTranslator.reset();
}

} // namespace qb
