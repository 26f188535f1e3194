#pragma once

#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace qb {

/// A catalogue table whose user-visible texts (descriptions) are translated when it is built, and
/// built again when it is read after the interface language changed, so that a live language
/// switch shows the catalogue in the new language without anyone having to tell it.
///
/// The change is noticed through `probe`, which returns one translated text of the catalogue:
/// when its translation differs from the one seen at the last build, the table is rebuilt. Earlier
/// builds stay alive until exit, so entry pointers handed out before a switch (find()) never
/// dangle; a switch is a rare user action, so the few kilobytes this keeps do not matter.
/// Thread-safe: current() may be called from any thread.
template <typename T> class RetranslatedTable
{
public:
    RetranslatedTable(std::function<QList<T>()> build, std::function<QString()> probe)
        : m_build(std::move(build))
        , m_probe(std::move(probe))
    {
    }

    const QList<T> &current()
    {
        const QString marker = m_probe();
        const std::lock_guard<std::mutex> lock(m_mutex);
        if (m_builds.empty() || marker != m_marker) {
            m_builds.push_back(std::make_unique<const QList<T>>(m_build()));
            m_marker = marker;
        }
        return *m_builds.back();
    }

private:
    std::function<QList<T>()> m_build;
    std::function<QString()> m_probe;
    std::mutex m_mutex;
    QString m_marker;
    std::vector<std::unique_ptr<const QList<T>>> m_builds;
};

} // namespace qb
