#pragma once
// The file behind the document the GUI shows: what it looked like when it was opened or last saved
// (so a save notices changes made behind Lernraum's back), its lock file (so a second Lernraum is
// warned), and its recovery copies (removed after a clean save of this document only).
// No GUI here: src/app/gui.cpp wires it into ui::ShellServices.

#include "core/model.hpp"
#include "store/lock_file.hpp"
#include "store/session_file.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace lernraum::store {

class DocumentFile {
public:
    // configDir: where recovery copies live (empty: none). Locks are taken only when `useLocks`.
    explicit DocumentFile(std::filesystem::path configDir = {}, bool useLocks = true);
    ~DocumentFile(); // releases this process's lock
    DocumentFile(const DocumentFile&) = delete;
    DocumentFile& operator=(const DocumentFile&) = delete;

    struct Opened {
        LoadResult result;
        std::optional<LockOwner> heldBy; // another live Lernraum has the file open
    };
    // Loads the file and remembers its stamp. Does not take the lock (see setCurrent).
    Opened open(const std::string& path, core::Timestamp now);

    // Saves `session` to `path`. Unless `overwrite`, a file changed on disk since it was opened or
    // last saved here is not replaced (ChangedOnDisk) and a read-only file is not replaced
    // (ReadOnly). After a clean save the document's recovery copies are removed.
    std::optional<SaveError> save(const core::Session& session, const std::string& path, bool overwrite);

    // The GUI now shows the file at `path` ("" = untitled): the previous file's lock is released and
    // one is taken for the new file (unless another live instance holds it).
    void setCurrent(const std::string& path, core::Timestamp now);
    [[nodiscard]] const std::string& current() const { return m_current; }

private:
    std::filesystem::path m_configDir;
    bool m_useLocks = true;
    std::string m_current;
    bool m_lockTaken = false;
    std::map<std::string, FileStamp> m_stamps; // by path as given: the file as last read or written
};

} // namespace lernraum::store
