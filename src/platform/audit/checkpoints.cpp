#include "platform/audit/checkpoints.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "platform/crypto.hpp"
#include "platform/files.hpp"
#include "platform/log.hpp"

namespace hearth::audit {

namespace {
std::string checkpoint_mac(const Checkpoint& cp, const AuditKey& key) {
    // A prefix of its own keeps a checkpoint's signature apart from any entry's hash.
    return crypto::hmac_sha256_hex(
        key.secret, fmt::format("hearth checkpoint\x1f{}\x1f{}\x1f{}\x1f{}", cp.seq, cp.hash, cp.at,
                                cp.key_id));
}

nlohmann::json checkpoint_fields(const Checkpoint& cp) {
    return {{"seq", cp.seq}, {"hash", cp.hash}, {"at", cp.at}, {"key", cp.key_id}, {"mac", cp.mac}};
}

// The checkpoint on one line, or nullopt when the line does not hold one.
std::optional<Checkpoint> checkpoint_from(std::string_view line) {
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        return std::nullopt;
    }
    const auto seq = j.find("seq");
    Checkpoint cp;
    for (auto [name, field] : {std::pair{"hash", &cp.hash}, std::pair{"at", &cp.at},
                               std::pair{"key", &cp.key_id}, std::pair{"mac", &cp.mac}}) {
        const auto it = j.find(name);
        if (it == j.end() || !it->is_string()) {
            return std::nullopt;
        }
        *field = it->get<std::string>();
    }
    if (seq == j.end() || !seq->is_number_integer()) {
        return std::nullopt;
    }
    cp.seq = seq->get<std::int64_t>();
    return cp;
}
}  // namespace

Checkpoint signed_checkpoint(std::int64_t seq, std::string hash, std::string at,
                             const AuditKey& key) {
    Checkpoint cp{seq, std::move(hash), std::move(at), key.id, ""};
    cp.mac = checkpoint_mac(cp, key);
    return cp;
}

std::string checkpoint_json(const Checkpoint& cp) {
    return checkpoint_fields(cp).dump();
}

Result<std::vector<Checkpoint>> read_checkpoints(std::string_view text, const Keyring& keys,
                                                 std::string_view source) {
    std::vector<Checkpoint> out;
    std::size_t number = 0;
    while (!text.empty()) {
        const auto end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
            continue;
        }
        const auto cp = checkpoint_from(line);
        if (!cp) {
            return Error::invalid("checkpoints",
                                  fmt::format("{}, line {}: not a checkpoint", source, number));
        }
        const AuditKey* key = keys.find(cp->key_id);
        if (key == nullptr || !crypto::constant_time_equal(checkpoint_mac(*cp, *key), cp->mac)) {
            return Error::invalid(
                "checkpoints",
                fmt::format("{}, line {}: a checkpoint not signed by any of the audit keys given: "
                            "it was changed, or written with another key",
                            source, number));
        }
        out.push_back(*cp);
    }
    return out;
}

Result<std::string> checkpoint_file_path(const Config& config) {
    if (!config.audit_checkpoint_file.empty()) {
        return config.audit_checkpoint_file;
    }
    if (auto file = db::sqlite_file(config.database)) {
        return *file + ".checkpoints";
    }
    return Error::invalid("audit_checkpoint_file",
                          "On PostgreSQL, say where the audit trail's checkpoints go: set "
                          "audit_checkpoint_file (HEARTH_AUDIT_CHECKPOINT_FILE) to a file outside "
                          "the database");
}

Result<std::int64_t> write_checkpoint(db::Database& db, const std::string& path, Timestamp at) {
    const AuditKey* key = TRY(signing_key());
    auto head = TRY(db.read([](db::Connection& c) {
        return c.query_one("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
    }));
    if (!head) {
        return Error::internal("audit_head row is missing");
    }
    const Checkpoint cp = signed_checkpoint(head->integer(0), head->text(1), format_utc(at), *key);
    TRY(files::append_to_file(path, checkpoint_json(cp) + "\n"));
    log::info("audit checkpoint", checkpoint_fields(cp));
    return cp.seq;
}

CheckpointLoop::CheckpointLoop(db::Database& db, const Clock& clock, std::string path,
                               std::chrono::seconds every)
    : db_(db), clock_(clock), path_(std::move(path)), every_(every), thread_([this] { run(); }) {}

CheckpointLoop::~CheckpointLoop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
    last_written_ = -1;  // at shutdown the head is written whether or not it moved
    write_now();
}

void CheckpointLoop::write_now() {
    auto head = db_.read([](db::Connection& c) {
        return c.query_one("SELECT last_seq FROM audit_head WHERE id = 1");
    });
    if (head.ok() && head.value() && head.value()->integer(0) == last_written_) {
        return;
    }
    auto written = write_checkpoint(db_, path_, clock_.now());
    if (!written.ok()) {
        log::error("writing an audit checkpoint failed",
                   {{"detail", written.error().detail}, {"message", written.error().message}});
        return;
    }
    last_written_ = written.value();
}

void CheckpointLoop::run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        wake_.wait_for(lock, every_, [this] { return stopping_; });
        if (stopping_) {
            break;
        }
        lock.unlock();
        write_now();
        lock.lock();
    }
}

}  // namespace hearth::audit
