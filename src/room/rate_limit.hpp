#pragma once
// Failed room-code attempts per client address in a sliding one-minute window. The addresses are
// kept only in memory, only as long as the window needs them, and at most `maxAddresses` of them.

#include <chrono>
#include <deque>
#include <string>
#include <unordered_map>

namespace lernraum::room {

class CodeAttempts {
public:
    using Clock = std::chrono::steady_clock;
    CodeAttempts(int perMinute, std::size_t maxAddresses = 4096) : m_perMinute(perMinute), m_max(maxAddresses) {}

    // True when the address may try a code now (fewer than perMinute failures in the last minute).
    bool mayTry(const std::string& address, Clock::time_point now) {
        auto it = m_failures.find(address);
        if (it == m_failures.end()) return true;
        prune(it->second, now);
        if (it->second.empty()) {
            m_failures.erase(it);
            return true;
        }
        return static_cast<int>(it->second.size()) < m_perMinute;
    }
    void failed(const std::string& address, Clock::time_point now) {
        if (m_failures.size() >= m_max && !m_failures.count(address)) {
            // Under a flood of addresses forget the stalest ones rather than grow without bound.
            for (auto it = m_failures.begin(); it != m_failures.end();) {
                prune(it->second, now);
                it = it->second.empty() ? m_failures.erase(it) : std::next(it);
            }
            if (m_failures.size() >= m_max) m_failures.erase(m_failures.begin());
        }
        m_failures[address].push_back(now);
    }

private:
    static void prune(std::deque<Clock::time_point>& times, Clock::time_point now) {
        while (!times.empty() && times.front() <= now - std::chrono::minutes(1)) times.pop_front();
    }
    int m_perMinute;
    std::size_t m_max;
    std::unordered_map<std::string, std::deque<Clock::time_point>> m_failures;
};

} // namespace lernraum::room
