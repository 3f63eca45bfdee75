#pragma once
// Checkpoints of the audit trail kept outside the database (docs/decisions/0005-sign-in-and-
// sessions.md, audit chain): while Hearth serves, every audit_checkpoint_seconds and at shutdown,
// the head of the trail (its sequence number and hash, and the time) is signed with the audit key
// and appended as one JSON line to the checkpoint file and to the log. `hearth verify
// --checkpoints FILE` then finds a trail cut short behind a checkpoint, or rewritten (even with the
// key) so that it no longer holds an entry a checkpoint saw.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "platform/audit/audit_keys.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace hearth::audit {

struct Checkpoint {
    std::int64_t seq = 0;
    std::string hash;
    std::string at;
    std::string key_id;  // the key that signed it
    std::string mac;     // HMAC-SHA-256 over the fields above
};

Checkpoint signed_checkpoint(std::int64_t seq, std::string hash, std::string at,
                             const AuditKey& key);
// One JSON object: {"seq":…,"hash":…,"at":…,"key":…,"mac":…}, without a newline.
std::string checkpoint_json(const Checkpoint& cp);

// The checkpoints in text: one JSON object a line (a checkpoint file, or the log's "audit
// checkpoint" lines, which carry the same fields). Each must be signed by one of `keys`: the error
// names the first line that is not.
Result<std::vector<Checkpoint>> read_checkpoints(std::string_view text, const Keyring& keys,
                                                 std::string_view source);

// Where the checkpoints go: the audit_checkpoint_file setting, else beside a SQLite database.
Result<std::string> checkpoint_file_path(const Config& config);

// Signs the trail's head now with the held key and appends it to `path` and to the log. Returns the
// sequence number it saw.
Result<std::int64_t> write_checkpoint(db::Database& db, const std::string& path, Timestamp at);

// While Hearth serves: a checkpoint every `every` when the trail has grown, and one when it stops.
class CheckpointLoop {
  public:
    CheckpointLoop(db::Database& db, const Clock& clock, std::string path,
                   std::chrono::seconds every);
    ~CheckpointLoop();  // stops the loop, then writes the shutdown checkpoint
    CheckpointLoop(const CheckpointLoop&) = delete;
    CheckpointLoop& operator=(const CheckpointLoop&) = delete;

  private:
    void run();
    void write_now();

    db::Database& db_;
    const Clock& clock_;
    std::string path_;
    std::chrono::seconds every_;
    std::int64_t last_written_ = -1;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace hearth::audit
