#include "children/key_workers/key_worker_change.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace hearth::children {

Result<KeyWorkerChange> read_key_worker_change(http::FormReader& f, const std::string& child_name) {
    KeyWorkerChange k;
    k.key_worker_ids = f.ids("key_workers", "Key workers");
    k.reason = f.text("reason", "why the key workers are changing",
                      {.required = true, .max = 1000, .multiline = true});
    k.child_view = f.text("child_view", fmt::format("what {} said", child_name),
                          {.max = 2000, .multiline = true});
    k.view_not_asked =
        f.text("view_not_asked", fmt::format("why {} could not be asked", child_name),
               {.max = 1000, .multiline = true});
    k.relationships =
        f.text("relationships", "How relationships will be kept", {.max = 1000, .multiline = true});
    k.read_change =
        f.integer("read_change", "read_change", true, 0, std::numeric_limits<std::int64_t>::max())
            .value_or(0);
    if (k.child_view.empty() && k.view_not_asked.empty()) {
        f.fail("child_view", fmt::format("Enter what {} said about the change, in their words, or "
                                         "why they could not be asked",
                                         child_name));
    } else if (!k.child_view.empty() && !k.view_not_asked.empty()) {
        f.fail("view_not_asked",
               fmt::format("You have written what {} said, so leave \"why they could not be "
                           "asked\" empty",
                           child_name));
    }
    TRY(f.finish());
    std::sort(k.key_worker_ids.begin(), k.key_worker_ids.end());
    k.key_worker_ids.erase(std::unique(k.key_worker_ids.begin(), k.key_worker_ids.end()),
                           k.key_worker_ids.end());
    return k;
}

Status check_changes_something(const std::vector<std::int64_t>& current,
                               const std::vector<std::int64_t>& wanted) {
    std::vector<std::int64_t> a = current, b = wanted;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    a.erase(std::unique(a.begin(), a.end()), a.end());
    b.erase(std::unique(b.begin(), b.end()), b.end());
    if (a == b) {
        return Error::invalid("key_workers",
                              "These are already their key workers: choose who they will be from "
                              "now on");
    }
    return {};
}

}  // namespace hearth::children
