#include "demo/scaled_demo.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "children/child.hpp"
#include "children/child_store.hpp"
#include "daily_record/daily_entry.hpp"
#include "demo/demo_data.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/crypto.hpp"
#include "platform/db/store_copy.hpp"
#include "team/training.hpp"

namespace hearth::demo {

namespace {

// Rates, per day unless stated. Chosen to look like a busy home's record system, not to be exact.
constexpr int beds_min = 4, beds_max = 6;                // children living in each home
constexpr int stay_days_min = 180, stay_days_max = 900;  // length of a placement
constexpr int vacancy_days_min = 7, vacancy_days_max = 60;
constexpr int staff_per_home = 12;               // 1 manager, 2 deputies, 9 support workers
constexpr int staff_leaving_per_10000_days = 6;  // about 20% a year
constexpr int reads_per_child_per_day = 4;       // staff opening the child's record
constexpr int sign_ins_per_staff_per_week = 4;   // one a shift
constexpr int amendments_per_child_per_100_days = 2;
constexpr int failed_sign_ins_per_staff_per_100_days = 3;
constexpr int notes_per_child_per_day = 2;        // morning and evening
constexpr int praise_per_child_per_10_days = 5;   // about every other day
constexpr int key_work_per_child_per_7_days = 1;  // a session a week
constexpr int calls_per_child_per_7_days = 2;     // family on the phone twice a week
constexpr int visits_per_child_per_14_days = 1;   // a visit at the home every other week
constexpr int visits_cancelled_per_8 = 1;         // by the family
constexpr int visits_planned_ahead = 2;           // on the last day, for the fortnight to come
constexpr int concerns_per_home_per_60_days = 1;  // a bullying concern every other month
constexpr int concerns_kept_apart_per_3 = 1;      // a managed interaction follows one in three
constexpr int friendships_worrying_per_4 = 1;     // a friend outside who worries staff
constexpr int rows_per_statement = 200;
constexpr int rows_per_transaction = 20000;

// splitmix64: the same sequence on every platform and library, unlike <random>'s distributions.
class Dice {
  public:
    explicit Dice(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int between(int lo, int hi) {
        return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }
    bool chance(int per, int out_of) {
        return static_cast<int>(next() % static_cast<std::uint64_t>(out_of)) < per;
    }
    template <typename T, std::size_t N>
    const T& pick(const std::array<T, N>& a) {
        return a[next() % N];
    }

  private:
    std::uint64_t state_;
};

constexpr std::array<const char*, 40> first_names{
    "Ada",  "Ben", "Cara", "Dev",  "Ella",  "Finn", "Gina",  "Hal",  "Isla", "Jude",
    "Kira", "Leo", "Maya", "Nico", "Olive", "Pax",  "Quinn", "Rosa", "Sol",  "Tess",
    "Uma",  "Vic", "Wren", "Xan",  "Yara",  "Zed",  "Amir",  "Bea",  "Cal",  "Dina",
    "Eli",  "Fay", "Gus",  "Hana", "Ivo",   "Jas",  "Kit",   "Lana", "Milo", "Nell"};
constexpr std::array<const char*, 40> last_names{
    "Ashdown",  "Brackley", "Corran",  "Dunmore",     "Elston",   "Farrow",  "Gedney",
    "Holloway", "Ingram",   "Jessop",  "Kettering",   "Lowther",  "Marsden", "Northey",
    "Ormsby",   "Penhale",  "Quarry",  "Redfern",     "Saltash",  "Trevine", "Upfield",
    "Varley",   "Wendron",  "Yelland", "Zennor",      "Abbot",    "Bellamy", "Caddick",
    "Daintree", "Eskdale",  "Fenwick", "Gorran",      "Hexworth", "Illogan", "Jarrow",
    "Kenward",  "Lanyon",   "Merrow",  "Nancekivell", "Oakham"};
constexpr std::array<const char*, 20> home_words{
    "Alder",   "Birch", "Cedar", "Damson", "Elm", "Fern",   "Gorse",  "Hazel", "Ivy",    "Juniper",
    "Kestrel", "Larch", "Maple", "Nettle", "Oak", "Poplar", "Quince", "Rowan", "Sorrel", "Teasel"};
constexpr std::array<const char*, 4> home_kinds{"House", "Lodge", "View", "Cottage"};
constexpr std::array<const char*, 5> authorities{
    "Northshire County Council", "Eastbrook Borough Council", "Westmere City Council",
    "Southvale District Council", "Midfold Metropolitan Council"};
constexpr std::array<const char*, 5> legal_bases{"s31", "s20", "s31", "s38", "s20"};
struct NoteText {
    const char* category;
    const char* body;
};
constexpr std::array<NoteText, 10> note_texts{{
    {"daily_life", "Up in good time and ate breakfast with everyone before school."},
    {"education", "Went to school and came home talking about a science experiment."},
    {"family_time", "Phoned their grandparents after tea and was cheerful afterwards."},
    {"emotional_wellbeing",
     "Quiet after school; talked with staff over a hot drink and felt better."},
    {"activities", "Went to the climbing wall with staff and reached the top twice."},
    {"health", "Had a check-up at the GP; nothing to follow up."},
    {"friendships", "Had a friend round after school; they baked biscuits together."},
    {"independence", "Did their own washing and ironed their school shirt."},
    {"daily_life", "Watched a film with the others and settled well at bedtime."},
    {"concern",
     "Came back later than agreed and said they had been at the park; we talked it through."},
}};
constexpr std::array<const char*, 6> relatives{"Mum",     "Dad",  "Nan",
                                               "Grandad", "Aunt", "Older brother"};
constexpr std::array<const char*, 4> call_views{
    "Chatted about school and the weekend; happy afterwards.",
    "A short call; quieter than usual afterwards, and talked it through with staff.",
    "Laughed a lot on the call and told everyone about it at tea.",
    "Asked when the next visit is; reassured that it is planned."};
constexpr std::array<const char*, 6> praise_texts{
    "Helped cook tea for everyone", "Stayed calm when things got loud",
    "Finished their homework",      "Was kind to a younger child",
    "Tried a new food at dinner",   "Tidied the lounge without being asked"};

// Rows for one table, sent as multi-row INSERTs.
class Batch {
  public:
    Batch(std::string table, std::vector<std::string> columns)
        : table_(std::move(table)), columns_(std::move(columns)) {}
    void add(db::Params row) { rows_.push_back(std::move(row)); }
    std::size_t size() const { return rows_.size(); }
    Status flush(db::Connection& c) {
        for (std::size_t start = 0; start < rows_.size(); start += rows_per_statement) {
            const std::size_t end = std::min(rows_.size(), start + rows_per_statement);
            std::string sql =
                fmt::format("INSERT INTO {} ({}) VALUES ", table_, fmt::join(columns_, ", "));
            db::Params params;
            int n = 0;
            for (std::size_t r = start; r < end; ++r) {
                sql += r == start ? "(" : ", (";
                for (std::size_t i = 0; i < columns_.size(); ++i) {
                    sql += fmt::format("{}${}", i ? ", " : "", ++n);
                }
                sql += ")";
                for (auto& v : rows_[r]) {
                    params.push_back(std::move(v));
                }
            }
            TRY(c.run(sql, params));
        }
        rows_.clear();
        return {};
    }

  private:
    std::string table_;
    std::vector<std::string> columns_;
    std::vector<db::Params> rows_;
};

struct Staff {
    std::int64_t id;
    std::string name;
    std::int64_t home;
    std::string role;
};

struct Living {
    std::int64_t child;
    int leaves_day;
    std::vector<std::int64_t> key_workers;
};

}  // namespace

Result<ScaleSummary> create_scaled_demo(db::Database& db, const Scale& scale, Timestamp now) {
    if (scale.homes < 1 || scale.homes > 2000) {
        return Error::invalid("homes", "--homes must be between 1 and 2000");
    }
    if (scale.years < 1 || scale.years > 20) {
        return Error::invalid("years", "--years must be between 1 and 20");
    }
    auto existing =
        TRY(db.read([](db::Connection& c) { return c.query_one("SELECT id FROM organisations"); }));
    if (existing) {
        return Error::make(
            ErrorKind::conflict,
            "This database already holds an organisation; demo data goes only into an empty one.");
    }
    auto hash = TRY(crypto::hash_password(demo_password));

    Dice dice(scale.seed);
    ScaleSummary summary;
    const int days = scale.years * 365;
    const auto first_day = std::chrono::floor<std::chrono::days>(now) - std::chrono::days(days);
    auto at = [&](int day, int minute) {
        return format_utc(Timestamp{first_day + std::chrono::days(day)} +
                          std::chrono::minutes(minute));
    };
    auto date_at = [&](int day) { return format_date(Date{first_day + std::chrono::days(day)}); };

    Batch people("people", {"id", "organisation_id", "name", "email", "job_title", "password_hash",
                            "created_at", "updated_at"});
    Batch roles("roles", {"person_id", "home_id", "role", "started_at", "ended_at"});
    Batch children_rows(
        "children",
        {"id", "home_id", "first_name", "last_name", "preferred_name", "date_of_birth", "sex",
         "pronouns", "legal_basis", "placing_authority", "social_worker_name", "admission_date",
         "created_at", "created_by", "updated_at", "updated_by", "version", "left_on"});
    Batch key_workers("key_workers", {"child_id", "person_id", "started_at", "started_by"});
    Batch entries("daily_entries",
                  {"id", "child_id", "home_id", "kind", "category", "occurred_at", "topic", "body",
                   "child_words", "significant", "for_handover", "created_at", "created_by",
                   "updated_at", "updated_by", "version"});
    Batch versions("record_versions", {"record_type", "record_id", "version", "record", "reason",
                                       "changed_at", "changed_by"});
    Batch chronology("chronology", {"child_id", "home_id", "occurred_at", "kind", "source_type",
                                    "source_id", "title", "summary", "link", "significant",
                                    "for_handover", "author_id", "author_name", "recorded_at"});
    std::int64_t next_entry = 0;
    Batch contacts("contacts", {"id", "home_id", "child_id", "person", "form", "state", "starts_at",
                                "place", "supervision", "supervised_by", "staff_view",
                                "cancelled_by", "cancelled_why", "child_took_it", "created_at",
                                "created_by", "outcome_at", "outcome_by", "version"});
    std::int64_t next_contact = 0;
    Batch concerns("bullying_concerns",
                   {"id", "home_id", "child_id", "by_whom", "occurred_at", "place", "forms",
                    "came_to_light", "child_words", "owner_id", "safety_plan", "review_on",
                    "closed_at", "created_at", "created_by", "version"});
    Batch concern_children("bullying_concern_children", {"concern_id", "child_id"});
    Batch stages("bullying_stages", {"id", "concern_id", "stage", "happened_at", "what",
                                     "restorative", "child_told_on", "child_told_how", "child_said",
                                     "told_recorded_by", "recorded_at", "recorded_by"});
    Batch interactions(
        "managed_interactions",
        {"id", "home_id", "child_id", "other_child_id", "kind", "why", "source", "concern_id",
         "agreed_by", "starts_on", "review_on", "ended_on", "created_at", "created_by", "version"});
    std::int64_t next_concern = 0, next_stage = 0, next_interaction = 0;
    Batch friendships("friendships", {"id", "home_id", "child_id", "with_name", "who_they_are",
                                      "what_it_means", "created_at", "created_by"});
    Batch friendship_looks("friendship_reviews",
                           {"id", "friendship_id", "influence", "noticed", "plan", "plan_detail",
                            "reviewed_at", "reviewed_by", "look_again_by"});
    std::int64_t next_friendship = 0;
    // The team (team/): each person's Schedule 4 record, their six checks before they started, and
    // every course their role asks for from their first weeks, refreshed as it runs out; one course
    // in twelve left to lapse.
    Batch staff_records(
        "staff_records",
        {"person_id", "sex", "date_of_birth", "address", "experience", "works", "paid",
         "hours_per_week", "lives_at_home", "started_on", "updated_by", "updated_at"});
    Batch staff_checks("staff_checks", {"person_id", "kind", "what", "dated", "note", "recorded_by",
                                        "recorded_at"});
    Batch training("training_records",
                   {"person_id", "organisation_id", "course_key", "completed_on", "provider",
                    "certificate", "expires_on", "recorded_by", "recorded_at"});
    std::int64_t training_count = 0;
    // Supervision (team/supervision_store): each member of staff below the registered manager.
    Batch supervisions("supervisions", {"person_id", "home_id", "supervisor_id", "held_on",
                                        "practice", "reflection", "supervisor_signed_at",
                                        "person_signed_at", "created_by", "created_at"});
    std::int64_t supervision_count = 0;
    // The rota (team/rota_store): each home's last two weeks, worked, and the next two planned,
    // two on the early and the late and an agency worker awake at night, as each home promises.
    Batch shifts("shifts", {"home_id", "person_id", "agency_worker", "agency", "agency_checks",
                            "kind", "role", "starts_at", "ends_at", "planned", "outcome",
                            "outcome_by", "outcome_at", "created_by", "created_at"});
    Batch staffing_levels("staffing_levels", {"home_id", "kind", "staff", "set_by", "set_at"});
    // Each person's last supervision (or the day they started), by id.
    std::map<std::int64_t, int> last_supervised;
    std::map<std::int64_t, int> hired_on;
    Batch audit_rows("audit_log",
                     {"seq", "at", "actor_id", "actor", "action", "record_type", "record_id",
                      "home_id", "child_id", "ip", "request_id", "detail", "prev_hash", "hash"});
    const audit::AuditKey* key = TRY(audit::signing_key());
    // The trail's first entry begins its keyed part, as audit::append begins it.
    const audit::Entry keyed = audit::key_entry(1, at(0, 0), std::string(64, '0'), *key, "demo");
    audit_rows.add({keyed.seq, keyed.at, nullptr, keyed.actor, keyed.action, keyed.record_type,
                    keyed.record_id, nullptr, nullptr, keyed.ip, keyed.request_id, keyed.detail,
                    keyed.prev_hash, keyed.hash});
    std::int64_t seq = keyed.seq;
    std::string prev = keyed.hash;
    auto audit = [&](const std::string& when, std::optional<std::int64_t> actor_id,
                     const std::string& actor, const std::string& action, const std::string& type,
                     std::int64_t record, std::optional<std::int64_t> home,
                     std::optional<std::int64_t> child, const std::string& detail) {
        audit::Entry e;
        e.seq = ++seq;
        e.at = when;
        e.actor_id = actor_id;
        e.actor = actor;
        e.action = action;
        e.record_type = type;
        e.record_id = std::to_string(record);
        e.home_id = home;
        e.child_id = child;
        e.ip = "10.0.0." + std::to_string(1 + (record % 200));
        e.request_id = fmt::format("demo-{:08x}", e.seq);
        e.detail = detail;
        e.prev_hash = prev;
        e.hash = audit::entry_hash(e, *key);
        prev = e.hash;
        audit_rows.add({e.seq, e.at, db::nullable(e.actor_id), e.actor, e.action, e.record_type,
                        e.record_id, db::nullable(e.home_id), db::nullable(e.child_id), e.ip,
                        e.request_id, e.detail, e.prev_hash, e.hash});
    };
    auto flush_all = [&]() -> Status {
        return db.write([&](db::Connection& c) -> Status {
            TRY(people.flush(c));
            TRY(roles.flush(c));
            TRY(children_rows.flush(c));
            TRY(key_workers.flush(c));
            TRY(entries.flush(c));
            TRY(versions.flush(c));
            TRY(chronology.flush(c));
            TRY(contacts.flush(c));
            TRY(concerns.flush(c));
            TRY(concern_children.flush(c));
            TRY(stages.flush(c));
            TRY(interactions.flush(c));
            TRY(friendships.flush(c));
            TRY(friendship_looks.flush(c));
            TRY(staff_records.flush(c));
            TRY(staff_checks.flush(c));
            TRY(training.flush(c));
            TRY(supervisions.flush(c));
            return audit_rows.flush(c);
        });
    };

    std::int64_t next_person = 0, next_child = 0;
    auto new_person = [&](std::int64_t org, const std::string& job, int day) {
        const std::int64_t id = ++next_person;
        const std::string name =
            fmt::format("{} {}", dice.pick(first_names), dice.pick(last_names));
        people.add({id, org, name, fmt::format("person{}@example.org", id), job, hash, at(day, 0),
                    at(day, 0)});
        return Staff{id, name, 0, job};
    };

    const std::string start = at(0, 0);
    std::int64_t org = 0;
    std::vector<std::int64_t> home_ids;
    TRY(db.write([&](db::Connection& c) -> Status {
        org = TRY(
            c.insert("INSERT INTO organisations (name, created_at) VALUES ($1, $2) RETURNING id",
                     {std::string("Brightwater Children's Services (fictional)"), start}));
        for (int h = 0; h < scale.homes; ++h) {
            const std::string name =
                fmt::format("{} {}{}", home_words[static_cast<std::size_t>(h) % home_words.size()],
                            home_kinds[static_cast<std::size_t>(h / 20) % home_kinds.size()],
                            h >= 80 ? fmt::format(" {}", h / 80 + 1) : std::string());
            auto id =
                TRY(c.insert("INSERT INTO homes (organisation_id, name, ofsted_urn, "
                             "created_at) VALUES ($1, $2, $3, $4) RETURNING id",
                             {org, name, fmt::format("SC{:06}", 100000 + h), start}));
            home_ids.push_back(id);
        }
        return {};
    }));
    summary.homes = scale.homes;

    // Organisation-wide roles, the social workers (one for every five homes) and the independent
    // persons (one for every three homes).
    std::vector<std::string> role_updates_sql;
    Batch allocations("allocations", {"person_id", "child_id", "started_at"});
    auto org_role = [&](const char* email, const char* job, const char* role) {
        const std::int64_t id = ++next_person;
        people.add({id, org, std::string(job) + " (demo)", std::string(email), std::string(job),
                    hash, start, start});
        roles.add({id, nullptr, std::string(role), start, nullptr});
    };
    org_role("admin@example.org", "Provider administrator", "provider_administrator");
    org_role("ri@example.org", "Responsible individual", "responsible_individual");
    std::vector<std::int64_t> social_workers;
    for (int i = 0; i < (scale.homes + 4) / 5; ++i) {
        auto sw = new_person(org, "Social worker", 0);
        roles.add({sw.id, nullptr, std::string("social_worker"), start, nullptr});
        social_workers.push_back(sw.id);
    }
    for (int h = 0; h < scale.homes; h += 3) {
        auto ip = new_person(org, "Independent person", 0);
        roles.add({ip.id, home_ids[static_cast<std::size_t>(h)], std::string("independent_person"),
                   start, nullptr});
    }

    struct Home {
        std::int64_t id;
        std::vector<Staff> staff;                         // working here now
        std::vector<std::pair<int, std::string>> hiring;  // day, role
        std::vector<Living> living;
        std::vector<int> bed_free_from;
    };
    std::vector<Home> homes;
    const std::array<const char*, 3> staff_roles{"registered_manager", "deputy", "support_worker"};
    auto hire = [&](Home& home, const std::string& role, int day) {
        const char* job = role == "registered_manager" ? "Registered manager"
                          : role == "deputy"           ? "Deputy manager"
                                                       : "Residential support worker";
        Staff s = new_person(org, job, day);
        s.home = home.id;
        s.role = role;
        roles.add({s.id, home.id, role, at(day, 0), nullptr});
        home.staff.push_back(s);
        const int born = -dice.between(21, 55) * 365 - dice.between(0, 364);
        staff_records.add(
            {s.id, std::string(dice.chance(1, 2) ? "female" : "male"), date_at(born),
             fmt::format("{} {} Road, Demotown", dice.between(1, 199), dice.pick(last_names)),
             std::string("Experience of work with children (demo)"), std::string("full_time"),
             std::int64_t{1}, nullptr, std::int64_t{0}, date_at(day), s.id, at(day, 0)});
        for (const char* kind :
             {"identity", "dbs", "reference", "reference", "employment_history", "right_to_work"}) {
            staff_checks.add({s.id, std::string(kind), std::string("Seen (demo)"),
                              date_at(day - 14), std::string("Explained (demo)"), s.id,
                              at(day - 7, 0)});
        }
        const auto r = *role_from_key(role);
        for (const auto& course : team::default_courses()) {
            if (!team::required_of(course, {r}) || dice.chance(1, 12)) {
                continue;
            }
            const int step = course.valid_months ? *course.valid_months * 30 - 20 : days + 1;
            for (int done = day + dice.between(0, course.within_days); done < days; done += step) {
                const Date on{first_day + std::chrono::days(done)};
                const auto expires = team::expiry_of(course, on);
                training.add({s.id, org, course.key, format_date(on), std::string("Demo training"),
                              std::string(""),
                              expires ? db::Value(format_date(*expires)) : db::Value(), s.id,
                              at(done, 17 * 60)});
                ++training_count;
            }
        }
        last_supervised[s.id] = day;
        hired_on[s.id] = day;
    };
    for (std::size_t h = 0; h < home_ids.size(); ++h) {
        Home home{home_ids[h], {}, {}, {}, {}};
        for (int i = 0; i < staff_per_home; ++i) {
            hire(home, staff_roles[static_cast<std::size_t>(i == 0 ? 0 : i < 3 ? 1 : 2)], 0);
        }
        const int beds = dice.between(beds_min, beds_max);
        for (int b = 0; b < beds; ++b) {
            home.bed_free_from.push_back(0);
        }
        homes.push_back(std::move(home));
    }

    struct Pending {
        int minute;
        std::function<void()> write;
    };
    struct ChildState {
        children::ChildDetails details;
        int version = 1;
        std::string updated_at;
        std::int64_t updated_by = 0;
        std::int64_t home = 0;
        std::optional<std::string> left_on;
    };
    std::map<std::int64_t, ChildState> child_state;
    std::vector<std::pair<std::int64_t, std::string>> ended_roles;  // person, when

    for (int day = 0; day < days; ++day) {
        std::vector<Pending> events;
        for (auto& home : homes) {
            // Staff leave, and are replaced a few weeks later.
            for (std::size_t i = 0; i < home.staff.size();) {
                if (day > 0 && dice.chance(staff_leaving_per_10000_days, 10000) &&
                    home.staff.size() > 3) {
                    ended_roles.emplace_back(home.staff[i].id, at(day, 17 * 60));
                    home.hiring.emplace_back(day + dice.between(14, 60), home.staff[i].role);
                    home.staff.erase(home.staff.begin() + static_cast<std::ptrdiff_t>(i));
                } else {
                    ++i;
                }
            }
            for (std::size_t i = 0; i < home.hiring.size();) {
                if (home.hiring[i].first <= day) {
                    hire(home, home.hiring[i].second, day);
                    home.hiring.erase(home.hiring.begin() + static_cast<std::ptrdiff_t>(i));
                } else {
                    ++i;
                }
            }
            const auto staff_at = [&](std::size_t k) -> const Staff& {
                return home.staff[k % home.staff.size()];
            };
            // About every month from their start, by the home's registered manager of the
            // day, signed by both the next day.
            const auto manager_now =
                std::find_if(home.staff.begin(), home.staff.end(),
                             [](const Staff& s) { return s.role == "registered_manager"; });
            for (const auto& s : home.staff) {
                auto& last = last_supervised[s.id];
                const int every = 28 + static_cast<int>(s.id % 7);
                if (s.role == "registered_manager" || manager_now == home.staff.end() ||
                    day - last < every || day + 1 >= days) {
                    continue;
                }
                last = day;
                supervisions.add({s.id, home.id, manager_now->id, date_at(day),
                                  std::string("Their practice with the children this month (demo)"),
                                  std::string("How the month has affected them (demo)"),
                                  at(day, 16 * 60), at(day + 1, 9 * 60), manager_now->id,
                                  at(day, 16 * 60)});
                ++supervision_count;
            }
            // Children leave at the end of their placement; the bed is filled after a vacancy.
            for (std::size_t i = 0; i < home.living.size();) {
                if (home.living[i].leaves_day <= day) {
                    child_state[home.living[i].child].left_on = date_at(day);
                    home.bed_free_from.push_back(day +
                                                 dice.between(vacancy_days_min, vacancy_days_max));
                    home.living.erase(home.living.begin() + static_cast<std::ptrdiff_t>(i));
                } else {
                    ++i;
                }
            }
            for (std::size_t b = 0; b < home.bed_free_from.size();) {
                if (home.bed_free_from[b] > day) {
                    ++b;
                    continue;
                }
                home.bed_free_from.erase(home.bed_free_from.begin() +
                                         static_cast<std::ptrdiff_t>(b));
                const std::int64_t id = ++next_child;
                children::ChildDetails d;
                d.first_name = dice.pick(first_names);
                d.last_name = dice.pick(last_names);
                d.date_of_birth =
                    Date{first_day + std::chrono::days(day - dice.between(11 * 365, 17 * 365))};
                d.sex = dice.chance(1, 2) ? "female" : "male";
                d.pronouns = d.sex == "female" ? "she/her" : "he/him";
                d.legal_basis = dice.pick(legal_bases);
                d.placing_authority = dice.pick(authorities);
                d.social_worker_name =
                    fmt::format("{} {}", dice.pick(first_names), dice.pick(last_names));
                d.admission_date = Date{first_day + std::chrono::days(day)};
                const Staff& manager = home.staff.front();
                const Staff& key_worker_staff = staff_at(3 + dice.next() % 9);
                const std::int64_t key_worker = key_worker_staff.id;
                const std::string when = at(day, 10 * 60 + dice.between(0, 300));
                children_rows.add({id, home.id, d.first_name, d.last_name, std::string(),
                                   format_date(d.date_of_birth), d.sex, d.pronouns, d.legal_basis,
                                   d.placing_authority, d.social_worker_name,
                                   format_date(d.admission_date), when, manager.id, when,
                                   manager.id, std::int64_t{1}, nullptr});
                versions.add({std::string(children::child_record_type), id, std::int64_t{1},
                              children::to_json(d).dump(), std::string("Admitted"), when,
                              manager.id});
                key_workers.add({id, key_worker, when, manager.id});
                // The friend they keep from before they came, recorded in their first week; now
                // and then a friend outside who worries staff, whom they keep in touch with.
                const std::string met = at(day + 3, 19 * 60);
                const bool worrying = dice.chance(friendships_worrying_per_4, 4);
                const std::int64_t friendship = ++next_friendship;
                friendships.add(
                    {friendship, home.id, id, dice.pick(first_names),
                     std::string(worrying ? "Someone they met online" : "A school friend"),
                     std::string(worrying ? "They say he gets them." : "My best mate."), met,
                     key_worker});
                // The day to look again at a worry, as the form asks it
                // (relationships/friendship.hpp).
                friendship_looks.add(
                    {friendship, friendship, std::string(worrying ? "worry" : "positive"),
                     std::string(worrying ? "Messages late at night; gifts they will not explain."
                                          : ""),
                     std::string(worrying ? "keep_in_touch" : "encourage"),
                     std::string(worrying ? "Calls in the lounge; phone off at ten."
                                          : "Visits at weekends."),
                     met, key_worker, worrying ? db::Value{date_at(day + 31)} : db::Value{}});
                chronology.add(
                    {id, home.id, met, std::string("friendship"), std::string("friendship"),
                     friendship,
                     std::string(worrying ? "Friendship with someone outside: A worry"
                                          : "Friendship with someone outside: Good for them"),
                     std::string(worrying ? "Keep in touch. Calls in the lounge."
                                          : "Encourage it. Visits at weekends."),
                     fmt::format("/children/{}/relationships/friendships/{}", id, friendship),
                     std::int64_t{0}, std::int64_t{0}, key_worker, key_worker_staff.name, met});
                if (dice.chance(1, 3)) {
                    allocations.add(
                        {social_workers[static_cast<std::size_t>(home.id) % social_workers.size()],
                         id, when});
                }
                child_state[id] = ChildState{d, 1, when, manager.id, home.id, std::nullopt};
                home.living.push_back(
                    {id, day + dice.between(stay_days_min, stay_days_max), {key_worker}});
                const std::int64_t home_id = home.id;
                const std::string manager_name = manager.name;
                const std::int64_t manager_id = manager.id;
                events.push_back({10 * 60, [&, id, home_id, manager_id, manager_name, when] {
                                      audit(when, manager_id, manager_name, "create", "child", id,
                                            home_id, id, "admitted");
                                  }});
                ++summary.children;
            }
            // Sign-ins at the start of a shift; now and then a mistyped password.
            for (const auto& s : home.staff) {
                if (dice.chance(sign_ins_per_staff_per_week, 7)) {
                    const int minute = dice.pick(std::array<int, 3>{7 * 60, 14 * 60, 21 * 60}) +
                                       dice.between(0, 20);
                    const std::string when = at(day, minute);
                    events.push_back({minute, [&, s, when] {
                                          audit(when, s.id, s.name, "sign_in", "person", s.id,
                                                std::nullopt, std::nullopt, "");
                                      }});
                }
                if (dice.chance(failed_sign_ins_per_staff_per_100_days, 100)) {
                    const int minute = 7 * 60 + dice.between(0, 60);
                    const std::string when = at(day, minute);
                    events.push_back({minute, [&, s, when] {
                                          audit(when, std::nullopt,
                                                fmt::format("person{}@example.org", s.id),
                                                "sign_in_failed", "person", s.id, std::nullopt,
                                                std::nullopt, "wrong password");
                                      }});
                }
            }
            // The daily record: notes morning and evening, praise, a key-work session a week.
            for (const auto& l : home.living) {
                auto write = [&](const char* kind, const char* chronology_kind,
                                 const char* category, const std::string& topic,
                                 const std::string& body, const std::string& title, int minute) {
                    const Staff& author = staff_at(dice.next());
                    const std::int64_t id = ++next_entry;
                    const std::string occurred = at(day, minute);
                    const std::string written = at(day, minute + 20);
                    const bool for_handover = dice.chance(1, 10);
                    entries.add({id, l.child, home.id, std::string(kind), std::string(category),
                                 occurred, topic, body, std::string(), std::int64_t{0},
                                 std::int64_t{for_handover}, written, author.id, written, author.id,
                                 std::int64_t{1}});
                    versions.add({std::string("daily_entry"), id, std::int64_t{1},
                                  nlohmann::json{{"kind", kind},
                                                 {"category", category},
                                                 {"occurred_at", occurred},
                                                 {"topic", topic},
                                                 {"body", body},
                                                 {"child_words", ""},
                                                 {"significant", false},
                                                 {"for_handover", for_handover}}
                                      .dump(),
                                  std::string("Written"), written, author.id});
                    chronology.add({l.child, home.id, occurred, std::string(chronology_kind),
                                    std::string("daily_entry"), id, title, body,
                                    fmt::format("/daily-record/{}", id), std::int64_t{0},
                                    std::int64_t{for_handover}, author.id, author.name, written});
                    const std::int64_t home_id = home.id, child = l.child;
                    events.push_back({minute + 20, [&, author, written, home_id, child, id, title] {
                                          audit(written, author.id, author.name, "create",
                                                "daily_entry", id, home_id, child, title);
                                      }});
                };
                for (int n = 0; n < notes_per_child_per_day; ++n) {
                    const auto& text = dice.pick(note_texts);
                    write("note", "daily_note", text.category, "", text.body,
                          daily_record::category_label(text.category),
                          n == 0 ? dice.between(7 * 60, 11 * 60) : dice.between(16 * 60, 22 * 60));
                }
                if (dice.chance(praise_per_child_per_10_days, 10)) {
                    const std::string body = dice.pick(praise_texts);
                    write("praise", "praise", "achievement", "", body, "Praise: " + body,
                          dice.between(12 * 60, 21 * 60));
                }
                if (dice.chance(key_work_per_child_per_7_days, 7)) {
                    write("key_work", "key_work", "emotional_wellbeing", "How the week went",
                          "We talked about the week: what went well, what was hard, and what "
                          "would help next week.",
                          "Key-work session: How the week went", dice.between(16 * 60, 20 * 60));
                }
            }
            // Contact with family: calls, visits at the home (now and then cancelled by the
            // family), and on the last day the visits planned for the fortnight to come. Each that
            // happened or was cancelled is in the child's chronology, as the contact log writes it.
            for (const auto& l : home.living) {
                const std::string relative =
                    fmt::format("{} ({} {})", relatives.at(static_cast<std::size_t>(l.child) % 6),
                                first_names.at(static_cast<std::size_t>(l.child * 7) % 40),
                                child_state[l.child].details.last_name);
                auto contact = [&](const char* form, const std::string& state, int on_day,
                                   int minute, const std::string& staff_view,
                                   const std::string& cancelled_why) {
                    const Staff& by = staff_at(dice.next());
                    const std::int64_t id = ++next_contact;
                    const std::string starts = at(on_day, minute);
                    const std::string written = at(day, std::min(minute + 30, 23 * 60));
                    const bool visit = std::string(form) == "visit_at_home";
                    const bool planned = state == "planned";
                    const bool cancelled = state == "cancelled";
                    contacts.add(
                        {id, home.id, l.child, relative, std::string(form), state, starts,
                         std::string(visit ? "The family room" : ""),
                         std::string(visit ? "staff" : "none"), std::string(visit ? by.name : ""),
                         staff_view, std::string(cancelled ? "family" : ""), cancelled_why,
                         std::string(cancelled ? "Disappointed; we made a plan for the "
                                                 "evening instead."
                                               : ""),
                         written, by.id, planned ? db::Value{} : db::Value{written},
                         planned ? db::Value{} : db::Value{by.id}, std::int64_t{planned ? 1 : 2}});
                    const std::string form_label =
                        visit ? "Visits to the child at the home" : "Telephone";
                    if (!planned) {
                        chronology.add({l.child, home.id, starts, std::string("contact"),
                                        std::string("contact"), id,
                                        cancelled
                                            ? fmt::format("{} with {} cancelled by Their family or "
                                                          "friend",
                                                          form_label, relative)
                                            : fmt::format("{} with {}", form_label, relative),
                                        cancelled ? cancelled_why : staff_view,
                                        fmt::format("/children/{}/contact/log/{}", l.child, id),
                                        std::int64_t{0}, std::int64_t{0}, by.id, by.name, written});
                    }
                    const std::int64_t home_id = home.id, child = l.child;
                    events.push_back({std::min(minute + 30, 23 * 60),
                                      [&, by, written, home_id, child, id, state, form] {
                                          audit(written, by.id, by.name, "create", "contact", id,
                                                home_id, child, fmt::format("{} {}", state, form));
                                      }});
                };
                if (dice.chance(calls_per_child_per_7_days, 7)) {
                    contact("phone", "happened", day, dice.between(17 * 60, 19 * 60),
                            dice.pick(call_views), "");
                }
                if (dice.chance(visits_per_child_per_14_days, 14)) {
                    const bool off = dice.chance(visits_cancelled_per_8, 8);
                    contact(
                        "visit_at_home", off ? "cancelled" : "happened", day,
                        dice.between(16 * 60, 18 * 60),
                        off ? "" : "A good visit: they played a board game and had tea together.",
                        off ? "The family rang to say they could not come." : "");
                }
                if (day == days - 1) {
                    for (int v = 1; v <= visits_planned_ahead; ++v) {
                        contact("visit_at_home", "planned", day + (v * 7) - dice.between(0, 3),
                                dice.between(16 * 60, 18 * 60), "", "");
                    }
                }
            }
            // Now and then a bullying concern between two children living here, led by the
            // manager to its outcome and closed at a review once that day has come; one in three
            // keeps the two from being alone together meanwhile. Each child's chronology line
            // names no other child, as the relationships capability writes it.
            if (home.living.size() >= 2 && dice.chance(concerns_per_home_per_60_days, 60)) {
                const std::size_t first = dice.next() % home.living.size();
                const std::size_t second =
                    (first + 1 + dice.next() % (home.living.size() - 1)) % home.living.size();
                const std::int64_t bullied = home.living[first].child;
                const std::int64_t other = home.living[second].child;
                const Staff& owner = home.staff.front();
                const Staff& by = staff_at(dice.next());
                const std::int64_t id = ++next_concern;
                const std::string when = at(day, dice.between(15 * 60, 20 * 60));
                const std::string written = at(day, 21 * 60);
                const bool closes = day + 18 < days;
                concerns.add({id, home.id, bullied, std::string(R"(["children"])"), when,
                              std::string("The lounge"), std::string(R"(["names","excluding"])"),
                              std::string("child_told"),
                              std::string("They keep leaving me out and calling me names."),
                              owner.id, std::string("Sits with staff; knows who to go to."),
                              closes ? db::Value{} : db::Value{(date_at(day + 18))},
                              closes ? db::Value{at(day + 18, 15 * 60)} : db::Value{}, written,
                              by.id, std::int64_t{1}});
                concern_children.add({id, other});
                auto stage = [&](const char* which, int on_day, const std::string& what,
                                 const std::string& restorative) {
                    if (on_day >= days) {
                        return;
                    }
                    const std::string then = at(on_day, 15 * 60);
                    stages.add({++next_stage, id, std::string(which), then, what, restorative,
                                (date_at(on_day)), std::string("in_person"), std::string("OK."),
                                owner.id, then, owner.id});
                };
                stage("recorded", day, "Recorded, and reported to " + owner.name + ".", "");
                stage("investigated", day + 1,
                      "Spoke with both; what the child said was borne out.", "");
                stage("outcome", day + 4, "A restorative conversation.",
                      "Came to see how it felt to be left out.");
                if (closes) {
                    stage("review", day + 18, "It has stopped.", "");
                }
                chronology.add({bullied, home.id, when, std::string("bullying"),
                                std::string("bullying_concern"), id,
                                std::string("Bullying concern: Offensive names; Leaving them out "
                                            "of a group"),
                                std::string("They keep leaving me out and calling me names."),
                                fmt::format("/children/{}/bullying/{}", bullied, id),
                                std::int64_t{1}, std::int64_t{1}, by.id, by.name, written});
                chronology.add({other, home.id, when, std::string("bullying"),
                                std::string("bullying_concern"), id,
                                std::string("A concern that they bullied another young person"),
                                std::string("Offensive names; Leaving them out of a group (The "
                                            "lounge)"),
                                fmt::format("/children/{}/bullying/{}", other, id), std::int64_t{1},
                                std::int64_t{1}, by.id, by.name, written});
                const std::int64_t home_id = home.id;
                events.push_back({21 * 60, [&, by, written, home_id, bullied, id] {
                                      audit(written, by.id, by.name, "create", "bullying_concern",
                                            id, home_id, bullied, "bullying concern recorded");
                                  }});
                if (dice.chance(concerns_kept_apart_per_3, 3)) {
                    const std::int64_t kept = ++next_interaction;
                    const bool ended = day + 30 < days;
                    interactions.add(
                        {kept, home.id, bullied, other, std::string("not_alone"),
                         std::string("Until the review of the response to the concern."),
                         std::string("bullying_response"), id, owner.name + ", registered manager",
                         (date_at(day + 1)), (date_at(day + 14)),
                         ended ? db::Value{(date_at(day + 30))} : db::Value{}, written, owner.id,
                         std::int64_t{1}});
                    for (const auto child : {bullied, other}) {
                        chronology.add(
                            {child, home.id, at(day + 1, 9 * 60),
                             std::string("managed_interaction"), std::string("managed_interaction"),
                             kept, std::string("Not to be alone with another young person"),
                             std::string("Until the review of the response to the concern."),
                             fmt::format("/children/{}/relationships/interactions/{}", child, kept),
                             std::int64_t{1}, std::int64_t{1}, owner.id, owner.name, written});
                    }
                }
            }
            // Staff reading each child's record through the day, and the occasional amendment.
            for (const auto& l : home.living) {
                for (int r = 0; r < reads_per_child_per_day; ++r) {
                    const Staff& reader = staff_at(dice.next());
                    const int minute = dice.between(7 * 60, 23 * 60);
                    const std::string when = at(day, minute);
                    const std::int64_t home_id = home.id, child = l.child;
                    events.push_back({minute, [&, reader, when, home_id, child] {
                                          audit(when, reader.id, reader.name, "read", "child",
                                                child, home_id, child, "");
                                      }});
                }
                if (dice.chance(amendments_per_child_per_100_days, 100)) {
                    const Staff& by = staff_at(dice.next());
                    const int minute = dice.between(9 * 60, 20 * 60);
                    const std::string when = at(day, minute);
                    auto& state = child_state[l.child];
                    state.details.social_worker_name =
                        fmt::format("{} {}", dice.pick(first_names), dice.pick(last_names));
                    state.version += 1;
                    state.updated_at = when;
                    state.updated_by = by.id;
                    versions.add(
                        {std::string(children::child_record_type), l.child,
                         std::int64_t{state.version}, children::to_json(state.details).dump(),
                         std::string("New social worker allocated by the placing authority"), when,
                         by.id});
                    const std::int64_t home_id = home.id, child = l.child;
                    const int version = state.version;
                    events.push_back(
                        {minute, [&, by, when, home_id, child, version] {
                             audit(when, by.id, by.name, "amend", "child", child, home_id, child,
                                   fmt::format("version {}: social_worker_name (New social worker)",
                                               version));
                         }});
                }
            }
        }
        std::stable_sort(events.begin(), events.end(),
                         [](const Pending& a, const Pending& b) { return a.minute < b.minute; });
        for (auto& e : events) {
            e.write();
        }
        if (audit_rows.size() >= static_cast<std::size_t>(rows_per_transaction)) {
            TRY(flush_all());
            TRY(db.write([&](db::Connection& c) { return allocations.flush(c); }));
        }
    }
    for (const auto& home : homes) {
        const auto manager = std::find_if(home.staff.begin(), home.staff.end(), [](const Staff& s) {
            return s.role == "registered_manager";
        });
        const std::int64_t by = manager == home.staff.end() ? home.staff.front().id : manager->id;
        const std::pair<const char*, std::int64_t> promised[] = {
            {"early", 2}, {"late", 2}, {"waking_night", 1}};
        for (const auto& [kind, staff] : promised) {
            staffing_levels.add({home.id, std::string(kind), staff, by, at(0, 9 * 60)});
        }
        const auto night_worker = fmt::format("Agency worker {} (demo)", home.id);
        for (int day = days - 14; day < days + 14; ++day) {
            const bool worked = day < days - 1;
            const auto add = [&](const Staff* who, const char* kind, const char* role, int from,
                                 int to) {
                // Nobody works a shift before they started here.
                if (who && hired_on[who->id] > day) {
                    return;
                }
                shifts.add({home.id, who ? db::Value(who->id) : db::Value(),
                            who ? std::string() : night_worker,
                            std::string(who ? "" : "Brightside Staffing (fictional)"),
                            std::string(who ? "" : "DBS, references and training (demo)"),
                            std::string(kind), std::string(role), at(day, from), at(day, to),
                            std::int64_t{1},
                            worked ? db::Value(std::string("worked")) : db::Value(),
                            worked ? db::Value(by) : db::Value(),
                            worked ? db::Value(at(day + 1, 9 * 60)) : db::Value(), by,
                            at(days - 21, 9 * 60)});
            };
            const auto n = home.staff.size();
            const auto k = static_cast<std::size_t>(day);
            add(&home.staff[k % n], "early", "shift_lead", 7 * 60, 15 * 60);
            add(&home.staff[(k + 1) % n], "early", "on_shift", 7 * 60, 15 * 60);
            add(&home.staff[(k + 2) % n], "late", "shift_lead", 14 * 60 + 30, 22 * 60 + 30);
            add(&home.staff[(k + 3) % n], "late", "on_shift", 14 * 60 + 30, 22 * 60 + 30);
            add(nullptr, "waking_night", "on_shift", 22 * 60, 31 * 60 + 30);
        }
    }
    TRY(flush_all());
    TRY(db.write([&](db::Connection& c) -> Status {
        TRY(allocations.flush(c));
        TRY(shifts.flush(c));
        TRY(staffing_levels.flush(c));
        for (const auto& [id, state] : child_state) {
            if (state.version == 1 && !state.left_on)
                continue;
            TRY(
                c.run("UPDATE children SET version = $1, updated_at = $2, updated_by = $3, "
                      "social_worker_name = $4, "
                      "left_on = $5 WHERE id = $6",
                      {std::int64_t{state.version}, state.updated_at, state.updated_by,
                       state.details.social_worker_name, db::nullable(state.left_on), id}));
        }
        for (const auto& [person, when] : ended_roles) {
            TRY(c.run("UPDATE roles SET ended_at = $1 WHERE person_id = $2 AND ended_at IS NULL",
                      {when, person}));
        }
        TRY(c.run("UPDATE audit_head SET last_seq = $1, last_hash = $2 WHERE id = 1", {seq, prev}));
        for (const auto& table : db::tables_in_creation_order()) {
            TRY(db.after_bulk_load(c, table));
        }
        return {};
    }));
    // The demo's people who must have a second factor get its published key, appended to the
    // trail now that its head is written.
    TRY(db.write([&](db::Connection& c) { return give_demo_second_factors(c, now); }));
    summary.people = next_person;
    summary.daily_entries = next_entry;
    summary.contacts = next_contact;
    summary.bullying_concerns = next_concern;
    summary.friendships = next_friendship;
    summary.training_records = training_count;
    summary.supervisions = supervision_count;
    summary.audit_entries = seq;
    return summary;
}

}  // namespace hearth::demo
