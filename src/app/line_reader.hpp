#pragma once
// Lines from a file descriptor (stdin) on a small thread of their own, for a loop that sleeps in
// glfwWaitEvents(): every complete line is queued and `wake` is called. Used by the GUI's
// `--room-commands` (facilitator commands for scripted tests, see room_commands.hpp).
// The thread polls with a short timeout, so the destructor returns within about 0.1 s.

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace lernraum::app {

class LineReader {
public:
    LineReader(int fd, std::function<void()> wake);
    ~LineReader();
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    // The lines that arrived since the last call (without their line ends).
    std::vector<std::string> take();

private:
    void run(int fd);

    std::function<void()> m_wake;
    std::mutex m_mutex;
    std::vector<std::string> m_lines;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace lernraum::app
