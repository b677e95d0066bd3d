// Lines from a file descriptor on their own thread; see line_reader.hpp.

#include "line_reader.hpp"

#include <poll.h>
#include <unistd.h>

namespace lernraum::app {

LineReader::LineReader(int fd, std::function<void()> wake) : m_wake(std::move(wake)) {
    m_thread = std::thread([this, fd] { run(fd); });
}

LineReader::~LineReader() {
    m_stop = true;
    if (m_thread.joinable()) m_thread.join();
}

std::vector<std::string> LineReader::take() {
    std::lock_guard lock(m_mutex);
    std::vector<std::string> out;
    out.swap(m_lines);
    return out;
}

void LineReader::run(int fd) {
    std::string input;
    while (!m_stop) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0) continue;
        char buf[4096];
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n <= 0) return; // end of input: nothing more will come
        input.append(buf, static_cast<std::size_t>(n));
        bool any = false;
        for (std::size_t nl; (nl = input.find('\n')) != std::string::npos;) {
            std::string line = input.substr(0, nl);
            input.erase(0, nl + 1);
            if (!line.empty() && line.back() == '\r') line.pop_back();
            std::lock_guard lock(m_mutex);
            if (m_lines.size() < 1000) m_lines.push_back(std::move(line));
            any = true;
        }
        if (input.size() > 64 * 1024) input.clear(); // no line is that long
        if (any && m_wake) m_wake();
    }
}

} // namespace lernraum::app
