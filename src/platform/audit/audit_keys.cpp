#include "platform/audit/audit_keys.hpp"

#include <fmt/format.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "platform/crypto.hpp"
#include "platform/db/database.hpp"
#include "platform/files.hpp"

namespace hearth::audit {

namespace {
constexpr std::size_t key_bytes = 32;

Keyring& keys_held() {
    static Keyring keys;
    return keys;
}

std::string no_key_help(const std::string& path) {
    return fmt::format(
        "There is no audit key at {}. Hearth signs its audit trail with a key kept outside the "
        "database: give the key file of this store (audit_key_file, HEARTH_AUDIT_KEY_FILE) or the "
        "keys (HEARTH_AUDIT_KEY). `hearth init` and `hearth demo` make one for a new store; for a "
        "store written before Hearth kept keys, `hearth new-audit-key` makes its first.",
        path);
}

Status create_key_file(const std::string& path) {
    // Beside a new store, whose folder the store itself would make (as var/ for the demo).
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    return files::write_new_file(
        path,
        "# Hearth's audit keys, oldest first: keep them secret, and back "
        "them up apart from the database (docs/administrator-guide.md).\n" +
            new_key_line(),
        "audit_key_file");
}
}  // namespace

const AuditKey* Keyring::find(std::string_view id) const {
    for (const auto& k : keys) {
        if (k.id == id) {
            return &k;
        }
    }
    return nullptr;
}

Result<Keyring> parse_keys(std::string_view text, std::string_view source) {
    Keyring ring;
    std::string word;
    bool comment = false;
    auto take = [&]() -> Status {
        if (word.empty()) {
            return {};
        }
        auto secret = crypto::from_hex(word);
        if (!secret || secret->size() != key_bytes) {
            return Error::invalid("audit_key",
                                  fmt::format("{} holds something that is not an audit key (64 "
                                              "hex characters)",
                                              source));
        }
        AuditKey key{crypto::sha256_hex(*secret).substr(0, 16), *secret};
        if (ring.find(key.id) != nullptr) {
            return Error::invalid("audit_key",
                                  fmt::format("{} holds the key {} twice", source, key.id));
        }
        ring.keys.push_back(std::move(key));
        word.clear();
        return {};
    };
    for (char ch : text) {
        if (ch == '\n') {
            comment = false;
        }
        if (comment) {
            continue;
        }
        if (ch == '#') {
            comment = true;
        }
        if (ch == '#' || ch == ',' || std::isspace(static_cast<unsigned char>(ch)) != 0) {
            TRY(take());
            continue;
        }
        word.push_back(ch);
    }
    TRY(take());
    if (ring.keys.empty()) {
        return Error::invalid("audit_key", fmt::format("{} holds no audit key", source));
    }
    return ring;
}

std::string new_key_line() {
    return crypto::random_token() + "\n";
}

Result<std::string> key_file_path(const Config& config) {
    if (!config.audit_key_file.empty()) {
        return config.audit_key_file;
    }
    if (auto file = db::sqlite_file(config.database)) {
        return *file + ".audit-key";
    }
    return Error::invalid("audit_key_file",
                          "On PostgreSQL, say where the audit key is: set audit_key_file "
                          "(HEARTH_AUDIT_KEY_FILE) to a file every instance can read, or "
                          "HEARTH_AUDIT_KEY");
}

Result<Keyring> load_keys(const Config& config, bool make_if_missing) {
    if (!config.audit_key.empty()) {
        return parse_keys(config.audit_key, "HEARTH_AUDIT_KEY");
    }
    const std::string path = TRY(key_file_path(config));
    if (!std::filesystem::exists(path)) {
        if (!make_if_missing) {
            return Error::invalid("audit_key_file", no_key_help(path));
        }
        TRY(create_key_file(path));
    }
    std::ifstream in(path);
    if (!in) {
        return Error::invalid("audit_key_file", fmt::format("Could not read {}", path));
    }
    std::stringstream text;
    text << in.rdbuf();
    return parse_keys(text.str(), path);
}

Result<std::string> add_key(const Config& config) {
    if (!config.audit_key.empty()) {
        return Error::invalid("audit_key",
                              "The keys come from HEARTH_AUDIT_KEY: add a new key at its end "
                              "(after a comma) rather than to a file");
    }
    const std::string path = TRY(key_file_path(config));
    if (!std::filesystem::exists(path)) {
        TRY(create_key_file(path));
    } else {
        TRY(load_keys(config, false));  // the old keys stay: they verify what they signed
        TRY(files::append_to_file(path, new_key_line()));
    }
    const auto keys = TRY(load_keys(config, false));
    return keys.keys.back().id;
}

void hold_keys(Keyring keys) {
    keys_held() = std::move(keys);
}

const Keyring& held_keys() {
    return keys_held();
}

Result<const AuditKey*> signing_key() {
    if (keys_held().keys.empty()) {
        return Error::internal("no audit key is held: the audit trail cannot be signed");
    }
    return &keys_held().keys.back();
}

}  // namespace hearth::audit
