#pragma once
// Files Hearth writes beside its database: exports, the audit key and the audit checkpoints. Each
// is created readable by Hearth's own user only (mode 0600; the process umask is 077 as well) and
// saved to the disk (fsync) before Hearth says it is written.
#include <filesystem>
#include <string>

#include "platform/result.hpp"

namespace hearth::files {

// A new file holding text; an existing file is never overwritten. A failure to create it names
// `field`, the option or setting that gave the path.
Status write_new_file(const std::filesystem::path& path, const std::string& text,
                      const std::string& field);

// Adds text at the end of the file, creating it if it does not exist; what was there is never
// rewritten (O_APPEND).
Status append_to_file(const std::filesystem::path& path, const std::string& text);

}  // namespace hearth::files
