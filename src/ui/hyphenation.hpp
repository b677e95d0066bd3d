#pragma once
// Line breaking for the shared screen. Dear ImGui wraps only at spaces and cuts a word that is
// wider than the line anywhere ("Dienstvereinbarun|g"), which German compounds in narrow board
// columns hit all the time. layoutWrapped() breaks lines itself: at spaces, after a hyphen or
// slash that is already in the word, and otherwise at a syllable boundary from the hyphenation
// patterns of LibreOffice/TeX (Debian's libhyphen with hyphen-de), adding a "-". Only when a single
// syllable does not fit does it cut between characters.

#include <imgui.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace lernraum::ui {

class Hyphenator {
public:
    // The German patterns (the content of a Lernraum is German even in the English UI), else US
    // English; searched in $LERNRAUM_HYPHEN_DIR and /usr/share/hyphen. Building the German
    // pattern machine takes over a second, so the first call starts loading on a background
    // thread; until it is done, breakPoints() finds nothing and words are cut between characters.
    static Hyphenator& instance();
    // Loads the first of `files` that is a pattern file, on a background thread.
    explicit Hyphenator(std::vector<std::filesystem::path> files);
    ~Hyphenator();
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;

    // Called once (on the loading thread) when loading has finished, e.g. to wake an idle window so
    // it lays out its text again. Set it before the first instance() call, or it may be missed;
    // setOnLoaded({}) before the window goes away (it waits for a running callback).
    static void setOnLoaded(std::function<void()> callback);
    // Blocks until loading has finished (screenshots, benchmarks and tests want the final layout).
    void waitUntilLoaded();

    [[nodiscard]] bool loaded() const { return m_ready.load(std::memory_order_acquire) && m_dict != nullptr; }
    [[nodiscard]] const std::string& dictionaryPath() const { return m_path; } // after loading
    // Byte offsets into `word` (UTF-8, no spaces) after which a hyphen may break it, ascending.
    // Empty while loading, when no dictionary was found, or when the word has characters the
    // dictionary cannot encode.
    [[nodiscard]] std::vector<std::size_t> breakPoints(std::string_view word) const;

private:
    void load(const std::vector<std::filesystem::path>& files);

    void* m_dict = nullptr; // HyphenDict*, written once by the loading thread before m_ready
    bool m_latin1 = false;  // the dictionary is ISO-8859-1 (hyphen-de is), not UTF-8
    std::string m_path;
    std::atomic<bool> m_ready{false};
    std::mutex m_mutex;
    std::condition_variable m_loadedSignal;
    std::thread m_loader;
};

// `text` with line breaks ('\n') inserted so that no line is wider than `width` in `font` at
// `size` px; words are split as described above. Existing line breaks are kept.
std::string layoutWrapped(std::string_view text, float width, const ImFont* font, float size,
                          const Hyphenator& hyphenator = Hyphenator::instance());

} // namespace lernraum::ui
