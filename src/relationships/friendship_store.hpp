#pragma once
// Friendships in the database. Recording one writes it with its first look (its influence and the
// plan), a line in the child's chronology (a friend who lives in the home is not named in it: the
// child's record is about them) and an audit entry, in one transaction; each later look is kept
// beside the others, the newest being how it stands now.
#include <optional>
#include <string>
#include <vector>

#include "platform/audit/audit_trail.hpp"
#include "platform/auth/permissions.hpp"
#include "platform/db/database.hpp"
#include "relationships/friendship.hpp"

namespace hearth::relationships {

struct FriendshipLookRecord {
    std::int64_t id = 0;
    FriendshipLook look;
    Timestamp looked_at{};
    std::string looked_by;
};

struct Friendship {
    std::int64_t id = 0;
    std::int64_t home_id = 0;
    std::int64_t child_id = 0;
    std::string other_child_name;  // when the friend lives in the home
    FriendshipDetails details;     // `look` is the first; see looks
    Timestamp created_at{};
    std::string created_by;
    std::vector<FriendshipLookRecord> looks;  // oldest first, the first as recorded

    const FriendshipLook& now() const { return looks.empty() ? details.look : looks.back().look; }
};

Result<std::int64_t> record_friendship(db::Connection& c, std::int64_t child_id,
                                       const FriendshipDetails& d, const audit::Actor& actor,
                                       Timestamp now);
// Refused once the friendship has ended.
Status look_again_at_friendship(db::Connection& c, std::int64_t id, const FriendshipLook& look,
                                const audit::Actor& actor, Timestamp now);

Result<std::optional<Friendship>> find_friendship(db::Connection& c, std::int64_t id);
// The child's friendships, those not ended first, the newest first.
Result<std::vector<Friendship>> friendships_of(db::Connection& c, std::int64_t child_id);

// Reading one is reading the child's record, and the friend's when they live in the home and the
// reader may read about them.
Status record_friendship_read(db::Connection& c, const Friendship& f, const Reader& reader,
                              const audit::Actor& actor, Timestamp now);
// For the router: a friendship is reached under its child.
Status resolve_friendship_scope(db::Connection& c, std::int64_t id, Scope& scope);

}  // namespace hearth::relationships
