#pragma once
// The keys of the audit trail (docs/decisions/0005-sign-in-and-sessions.md, audit chain). Each
// entry's hash is an HMAC-SHA-256 under a key kept outside the database, so someone who can write
// the database but does not hold the key cannot rewrite the trail and have it verify. A key is 32
// random bytes written as 64 hex characters. Keys are listed oldest first: the last signs what
// Hearth writes now; the earlier ones are kept to verify the parts of the trail written before a
// rotation.
#include <string>
#include <string_view>
#include <vector>

#include "platform/config.hpp"
#include "platform/result.hpp"

namespace hearth::audit {

struct AuditKey {
    std::string id;      // names the key in the trail: 16 hex characters of its SHA-256
    std::string secret;  // the 32 bytes
};

struct Keyring {
    std::vector<AuditKey> keys;  // oldest first; the last is the one in use

    // The key named `id`, or nullptr.
    const AuditKey* find(std::string_view id) const;
};

// Keys from text: hex keys separated by white space or commas, oldest first; '#' starts a comment
// that runs to the end of its line. `source` names the file or setting in the error.
Result<Keyring> parse_keys(std::string_view text, std::string_view source);

// A new random key, as one line of a key file.
std::string new_key_line();

// Where the key file is: the audit_key_file setting, else beside a SQLite database.
Result<std::string> key_file_path(const Config& config);

// The keys this configuration names: the audit_key setting (HEARTH_AUDIT_KEY), else the key file.
// With `make_if_missing` (hearth init and hearth demo, which start a trail) a missing key file is
// created with a new key; otherwise a missing key is an error that says how to make one.
Result<Keyring> load_keys(const Config& config, bool make_if_missing);

// A new key at the end of the key file, which keeps the old ones (a rotation), or in a new key file
// (the first key of a store written before Hearth kept keys). Returns the new key's id.
Result<std::string> add_key(const Config& config);

// The keys this process signs and verifies with, held once at start before anything appends to
// the trail (as the display zone is held once: set_display_zone in clock.hpp).
void hold_keys(Keyring keys);
const Keyring& held_keys();
// The key this process signs with (the newest held), or an error when it holds none.
Result<const AuditKey*> signing_key();

}  // namespace hearth::audit
