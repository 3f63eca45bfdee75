// hearth: one executable for the whole service. `hearth --help` lists the subcommands.
#include <fmt/format.h>
#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "children/export/record_export.hpp"
#include "deadlines/escalation.hpp"
#include "demo/demo_data.hpp"
#include "demo/scaled_demo.hpp"
#include "hearth_app.hpp"
#include "organisation/homes.hpp"
#include "platform/audit/audit_keys.hpp"
#include "platform/audit/audit_trail.hpp"
#include "platform/audit/checkpoints.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/auth/password_rules.hpp"
#include "platform/crypto.hpp"
#include "platform/db/migrations.hpp"
#include "platform/db/store_copy.hpp"
#include "platform/files.hpp"
#include "platform/http/server.hpp"
#include "platform/log.hpp"

namespace {

using namespace hearth;

struct Common {
    std::string config_file;
    std::string database;
};

// Every subcommand returns a Status; its error becomes a message and an exit code here, once:
// 2 when the person can fix what they typed, 1 otherwise.
int report(const Error& e) {
    if (e.fields.empty()) {
        std::cerr << "hearth: " << e.message << "\n";
    }
    for (const auto& f : e.fields) {
        std::cerr << "hearth: " << f.field << ": " << f.message << "\n";
    }
    if (!e.detail.empty()) {
        std::cerr << "  (" << e.detail << ")\n";
    }
    return e.kind == ErrorKind::invalid_input ? 2 : 1;
}

Result<Config> configure(const Common& common) {
    Config config = TRY(load_config(common.config_file));
    if (!common.database.empty()) {
        config.database = common.database;
    }
    log::set_level(config.log_level);
    set_display_zone(config.time_zone);
    return config;
}

Result<std::unique_ptr<db::Database>> open_and_migrate(const Config& config, int connections) {
    auto db = TRY(db::open_database({config.database, connections, 5000}));
    auto applied = TRY(db::migrate(*db, format_utc(SystemClock{}.now())));
    for (int n : applied) {
        log::info("migration applied", {{"number", n}});
    }
    return db;
}

audit::Actor cli_actor() {
    return {std::nullopt, "command line", "local", "cli"};
}

// A command that writes to the audit trail holds its keys first: they sign every entry, and never
// live in the database (docs/decisions/0005-sign-in-and-sessions.md, audit chain). Only the
// commands that begin a store (init, demo) make a key file that is missing: any other command
// making one would sign with a key no other instance has.
Status hold_audit_keys(const Config& config, bool make_if_missing) {
    audit::hold_keys(TRY(audit::load_keys(config, make_if_missing)));
    return {};
}

Status run_serve(const Common& common, int port_flag, const std::string& listen_flag) {
    auto config = TRY(configure(common));
    if (port_flag >= 0) {
        config.port = port_flag;
    }
    if (!listen_flag.empty()) {
        config.listen_address = listen_flag;
    }
    TRY(hold_audit_keys(config, false));
    const std::string checkpoints = TRY(audit::checkpoint_file_path(config));
    auto db = TRY(open_and_migrate(config, config.worker_threads + 1));
    SystemClock clock;
    // A store written before keying, or a rotated key, begins the key's part of the trail now, so
    // that `hearth verify` proves it at once rather than after the next write.
    TRY(db->write([&](db::Connection& c) {
        return audit::key_trail(c, {std::nullopt, "Hearth", "local", "start"}, clock.now());
    }));
    http::Metrics metrics;
    http::Services services{config, *db, clock, metrics};
    auto app = build_app(config);
    http::ServerHooks hooks;
    hooks.on_listening = [&](int port) {
        std::printf(
            "Hearth is serving at http://%s:%d\n",
            config.listen_address == "0.0.0.0" ? "localhost" : config.listen_address.c_str(), port);
        std::fflush(stdout);
    };
    // Declared first so it stops last: its shutdown checkpoint sees the escalations' entries.
    audit::CheckpointLoop checkpointing(*db, clock, checkpoints,
                                        std::chrono::seconds{config.audit_checkpoint_seconds});
    deadlines::EscalationLoop escalation(*db, clock, std::chrono::seconds{60});
    return http::serve(app->router, services, hooks);
}

Status run_init(const Common& common, const std::string& org, const std::vector<std::string>& homes,
                const std::string& name, const std::string& email) {
    auto config = TRY(configure(common));
    TRY(hold_audit_keys(config, true));
    auto db = TRY(open_and_migrate(config, 1));
    const std::string password = crypto::random_token().substr(0, 20);
    auto hash = TRY(crypto::hash_password(password));
    const auto now = SystemClock{}.now();
    TRY(db->write([&](db::Connection& c) -> Status {
        auto existing = TRY(c.query_one("SELECT id FROM organisations"));
        if (existing) {
            return Error::make(ErrorKind::conflict,
                               "This database already has an organisation. Use `hearth user add` "
                               "for more people.");
        }
        auto org_id = TRY(organisation::create_organisation(c, org, format_utc(now)));
        for (const auto& h : homes) {
            TRY(organisation::create_home(c, org_id, h, "", format_utc(now)));
        }
        accounts::NewPerson p{org_id, name, email, "Provider administrator", hash, true};
        auto id = TRY(accounts::add_person(c, p, cli_actor(), now));
        return accounts::give_role(c, id, std::nullopt, Role::provider_administrator, cli_actor(),
                                   now);
    }));
    std::cout << fmt::format(
        "Created {} with {} home(s).\nSign in as {} with this one-time password: {}\n"
        "You will be asked to choose your own password.\n",
        org, homes.size(), accounts::normalise_email(email), password);
    return {};
}

Status run_migrate(const Common& common) {
    auto config = TRY(configure(common));
    auto db = TRY(db::open_database({config.database, 1, 5000}));
    auto applied = TRY(db::migrate(*db, format_utc(SystemClock{}.now())));
    auto state = TRY(db::schema_state(*db));
    std::cout << fmt::format("Applied {} migration(s); the schema is at version {}.\n",
                             applied.size(), state.applied);
    return {};
}

Status run_demo(const Common& common, const std::optional<demo::Scale>& scale) {
    auto config = TRY(configure(common));
    TRY(hold_audit_keys(config, true));
    auto db = TRY(open_and_migrate(config, 1));
    if (scale) {
        const auto started = std::chrono::steady_clock::now();
        auto made = TRY(demo::create_scaled_demo(*db, *scale, SystemClock{}.now()));
        const auto seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::cout << fmt::format(
            "Created a fictional organisation in {}: {} homes over {} years (seed {}): {} people, "
            "{} children, {} daily entries, {} contacts, {} bullying concerns, {} friendships, "
            "{} training records, {} supervisions, {} audit entries, in {:.1f} s.\n"
            "Sign in as admin@example.org; every password is {}\n",
            db->describe(), made.homes, scale->years, scale->seed, made.people, made.children,
            made.daily_entries, made.contacts, made.bullying_concerns, made.friendships,
            made.training_records, made.supervisions, made.audit_entries, seconds,
            demo::demo_password);
        return {};
    }
    auto app = build_app(config);
    auto summary =
        TRY(demo::create_demo(*db, app->registry.at<demo::DemoParts>(), SystemClock{}.now()));
    std::cout << fmt::format("Created the fictional demo organisation \"{}\" in {}.\n",
                             summary.organisation, db->describe());
    std::cout << fmt::format("Every demo account's password is: {}\n", demo::demo_password);
    for (const auto& [email, role] : summary.accounts) {
        std::cout << fmt::format("  {:<32} {}\n", email, role);
    }
    std::cout << fmt::format(
        "Accounts that see more than one home ask for a second factor: add the key {} to an "
        "authenticator app, or run `oathtool --totp -b {}` for the code.\n",
        demo::demo_second_factor_key, demo::demo_second_factor_key);
    return {};
}

Status run_verify(const Common& common, const std::string& checkpoint_file) {
    auto config = TRY(configure(common));
    const auto keys = TRY(audit::load_keys(config, false));
    auto db = TRY(db::open_database({config.database, 1, 5000}));
    bool sound = true;
    std::vector<audit::Checkpoint> checkpoints;
    if (!checkpoint_file.empty()) {
        std::ifstream in(checkpoint_file);
        if (!in) {
            return Error::invalid("checkpoints", "Could not read " + checkpoint_file);
        }
        std::stringstream text;
        text << in.rdbuf();
        auto read = audit::read_checkpoints(text.str(), keys, checkpoint_file);
        if (read.ok()) {
            checkpoints = std::move(read.value());
        } else {
            sound = false;
            std::cout << "Checkpoints NOT TRUSTED: " << read.error().message << "\n";
        }
    }
    auto problems = TRY(db->integrity_problems());
    if (problems.empty()) {
        std::cout << "Database integrity: sound.\n";
    } else {
        sound = false;
        for (const auto& p : problems) {
            std::cout << "Database integrity problem: " << p << "\n";
        }
    }
    auto v = TRY(audit::verify(*db, keys, checkpoints));
    if (v.first_broken_seq) {
        std::cout << fmt::format(
            "Audit chain BROKEN at entry {}: {}. {} entries before it verified.\n",
            *v.first_broken_seq, v.problem, v.entries);
        sound = false;
    } else {
        std::cout << fmt::format("Audit chain: {} entries, unbroken.\n", v.entries);
        if (!checkpoint_file.empty()) {
            std::cout << fmt::format("Checkpoints: the chain holds all {} in {}.\n",
                                     checkpoints.size(), checkpoint_file);
        }
        for (const auto& changed : v.changed_records) {
            std::cout << "Record CHANGED behind Hearth's back: " << changed << ".\n";
        }
        if (v.changed_records.empty()) {
            std::cout << fmt::format("Sealed records: all {} as Hearth last wrote them.\n",
                                     v.sealed_records);
        }
        sound = sound && v.changed_records.empty();
    }
    if (!sound) {
        return Error::make(ErrorKind::internal, "The store did not pass verification");
    }
    return {};
}

Status run_backup(const Common& common, const std::string& to) {
    auto config = TRY(configure(common));
    auto db = TRY(db::open_database({config.database, 1, 5000}));
    TRY(db->backup_to(to));
    // The key is not in the backup, and must not be stored beside it: the copy is checked with
    // the key of the store it came from.
    const std::string key_file = TRY(audit::key_file_path(config));
    std::cout << fmt::format(
        "Backed up {} to {}.\nCheck it with: HEARTH_AUDIT_KEY_FILE={} hearth verify --database "
        "sqlite:{}\n",
        db->describe(), to, key_file, to);
    return {};
}

Status run_migrate_store(const Common& common, const std::string& from, const std::string& to) {
    // The copy's trail is the source's, so it verifies with the source's keys.
    auto config = TRY(configure(common));
    config.database = from;
    TRY(hold_audit_keys(config, false));
    auto source = TRY(db::open_database({from, 1, 5000}));
    auto source_state = TRY(db::schema_state(*source));
    if (source_state.applied != source_state.known) {
        return Error::invalid(
            "from",
            "Run `hearth migrate` on the source first, so both stores have the same schema");
    }
    auto target = TRY(open_and_migrate(Config{.database = to}, 2));
    auto copied = TRY(db::copy_store(*source, *target));
    std::cout << fmt::format("Copied {} to {}.\n{:<24} {:>10} {:>10}\n", source->describe(),
                             target->describe(), "table", "source", "target");
    for (const auto& t : copied.tables) {
        std::cout << fmt::format("{:<24} {:>10} {:>10}\n", t.table, t.source, t.target);
    }
    std::cout << fmt::format("Audit chain on the target: {} entries, unbroken.\n",
                             copied.audit_entries);
    return {};
}

Status run_export(const Common& common, std::int64_t child_id, const std::string& out) {
    auto config = TRY(configure(common));
    const std::filesystem::path dir(out);
    const auto json_path = dir / "record.json", html_path = dir / "record.html";
    // Checked before anything is read, so that a refused export leaves no audit entry behind.
    for (const auto& p : {json_path, html_path}) {
        if (std::filesystem::exists(p)) {
            return Error::invalid(
                "out", fmt::format("{} already exists: choose an empty folder", p.string()));
        }
    }
    std::error_code made;
    std::filesystem::create_directories(dir, made);
    if (made) {
        return Error::invalid("out",
                              fmt::format("Could not create {}: {}", dir.string(), made.message()));
    }
    TRY(hold_audit_keys(config, false));
    auto db = TRY(open_and_migrate(config, 1));
    auto app = build_app(config);
    auto doc = TRY(children::export_record(*db, app->record_export(), child_id, "cli", cli_actor(),
                                           SystemClock{}.now()));
    auto html = TRY(children::record_html(doc, app->record_export()));
    for (const auto& [path, text] :
         {std::pair{json_path, doc.dump(2)}, std::pair{html_path, html}}) {
        // A new file readable by its owner only: an export holds a child's private information,
        // and an existing file (perhaps another child's export) is never overwritten.
        TRY(files::write_new_file(path, text, "out"));
    }
    std::cout << fmt::format(
        "Exported the whole record of {} (child {}), {} sections:\n  {}\n  {}\n"
        "The export is in the audit trail. The files hold the child's private information: keep "
        "them safe.\n",
        doc["child"].value("name", ""), child_id, doc["sections"].size(), json_path.string(),
        html_path.string());
    return {};
}

Status run_user(const Common& common, const std::string& action, const std::string& email,
                const std::string& name, const std::string& role_key_given, std::int64_t home_id) {
    auto config = TRY(configure(common));
    TRY(hold_audit_keys(config, false));
    auto db = TRY(open_and_migrate(config, 1));
    const auto now = SystemClock{}.now();
    if (action == "list") {
        auto rows = TRY(db->read([](db::Connection& c) {
            return c.query(
                "SELECT p.email, p.name, p.disabled_at, COALESCE(r.role, ''), COALESCE(h.name, '') "
                "FROM people p "
                "LEFT JOIN roles r ON r.person_id = p.id AND r.ended_at IS NULL "
                "LEFT JOIN homes h ON h.id = r.home_id ORDER BY p.email");
        }));
        for (const auto& r : rows) {
            std::cout << fmt::format("{:<34} {:<24} {:<26} {}{}\n", r.text(0), r.text(1), r.text(3),
                                     r.text(4), r.is_null(2) ? "" : "  (disabled)");
        }
        return {};
    }
    auto found =
        TRY(db->read([&](db::Connection& c) { return accounts::find_by_email(c, email); }));
    if (action == "add") {
        if (found) {
            return Error::invalid("email", "Someone already has this email address in Hearth");
        }
        auto role = role_from_key(role_key_given);
        if (!role) {
            return Error::invalid(
                "role",
                "Give a role: provider_administrator, responsible_individual, registered_manager, "
                "deputy, support_worker, social_worker or independent_person");
        }
        const std::string password = crypto::random_token().substr(0, 20);
        auto hash = TRY(crypto::hash_password(password));
        TRY(db->write([&](db::Connection& c) -> Status {
            auto org = TRY(c.query_one("SELECT id FROM organisations ORDER BY id LIMIT 1"));
            if (!org) {
                return Error::invalid("organisation", "Run `hearth init` first");
            }
            accounts::NewPerson p{org->integer(0), name, email, "", hash, true};
            auto id = TRY(accounts::add_person(c, p, cli_actor(), now));
            return accounts::give_role(
                c, id, home_id > 0 ? std::optional<std::int64_t>(home_id) : std::nullopt, *role,
                cli_actor(), now);
        }));
        std::cout << fmt::format("Added {}. One-time password: {}\n",
                                 accounts::normalise_email(email), password);
        return {};
    }
    if (!found) {
        return Error::invalid("email", "There is nobody with that email address");
    }
    const auto person_id = found->person.id;
    if (action == "disable" || action == "enable") {
        TRY(db->write([&](db::Connection& c) {
            return accounts::set_disabled(c, person_id, action == "disable", cli_actor(), now);
        }));
        std::cout << fmt::format("{} {}.\n", action == "disable" ? "Disabled" : "Enabled", email);
        return {};
    }
    if (action == "reset-password") {
        const std::string password = crypto::random_token().substr(0, 20);
        auto hash = TRY(crypto::hash_password(password));
        TRY(db->write([&](db::Connection& c) {
            return accounts::set_password_hash(c, person_id, hash, true, cli_actor(), now);
        }));
        std::cout << fmt::format("Reset. One-time password for {}: {}\n", email, password);
        return {};
    }
    return Error::invalid("action", "Unknown user action");
}

Status run_new_audit_key(const Common& common) {
    auto config = TRY(configure(common));
    const std::string key_file = TRY(audit::key_file_path(config));
    const std::string id = TRY(audit::add_key(config));
    TRY(hold_audit_keys(config, false));
    auto db = TRY(open_and_migrate(config, 1));
    TRY(db->write(
        [&](db::Connection& c) { return audit::key_trail(c, cli_actor(), SystemClock{}.now()); }));
    std::cout << fmt::format(
        "The audit trail is now signed with key {}. The key file is {}: any older keys stay in it "
        "to verify what they signed. Back it up again, and give every instance the new file "
        "before it next writes.\n",
        id, key_file);
    return {};
}

}  // namespace

int main(int argc, char** argv) {
    // Every file Hearth creates (the SQLite database, its WAL and SHM, backups, exports) holds
    // children's records, so only Hearth's own user may read or write it, whatever umask it was
    // started with (UK GDPR Article 32, security of processing; docs/administrator-guide.md,
    // backups). Set first, before anything can open a file.
    ::umask(077);
    if (!hearth::crypto::initialise().ok()) {
        std::cerr << "hearth: libsodium could not start\n";
        return 1;
    }
    CLI::App cli{"Hearth: the record and practice system of a children's home"};
    cli.require_subcommand(1);
    Common common;
    auto add_common = [&](CLI::App* sub) {
        sub->add_option("--config", common.config_file, "TOML settings file");
        sub->add_option("--database", common.database,
                        "sqlite:PATH or postgresql://... (or HEARTH_DATABASE)");
    };

    int port = -1;
    std::string listen;
    auto* serve = cli.add_subcommand("serve", "Serve the web pages and the API");
    add_common(serve);
    serve->add_option("--port", port, "TCP port (or HEARTH_PORT)");
    serve->add_option("--listen", listen, "Address to listen on (or HEARTH_LISTEN_ADDRESS)");
    serve->footer(hearth::settings_help());

    std::string org, admin_name, admin_email;
    std::vector<std::string> homes;
    auto* init =
        cli.add_subcommand("init", "Create a new organisation and its first administrator");
    add_common(init);
    init->add_option("--organisation", org, "Organisation name")->required();
    init->add_option("--home", homes, "A home's name (repeat for several)");
    init->add_option("--admin-name", admin_name, "The administrator's full name")->required();
    init->add_option("--admin-email", admin_email, "The administrator's email address")->required();

    auto* migrate = cli.add_subcommand("migrate", "Apply database migrations");
    add_common(migrate);

    demo::Scale scale;
    auto* demo = cli.add_subcommand("demo", "Fill an empty database with a fictional organisation");
    add_common(demo);
    auto* homes_opt =
        demo->add_option("--homes", scale.homes, "Homes, for a data set at provider scale");
    auto* years_opt = demo->add_option("--years", scale.years, "Years of history to generate");
    demo->add_option("--seed", scale.seed, "Seed: the same seed gives the same data");

    std::string checkpoint_file;
    auto* verify =
        cli.add_subcommand("verify", "Check the audit chain and the database's integrity");
    add_common(verify);
    verify->add_option("--checkpoints", checkpoint_file,
                       "A checkpoint file (audit_checkpoint_file): the chain must hold every "
                       "checkpoint in it");

    auto* new_key = cli.add_subcommand(
        "new-audit-key",
        "Add a new key to the audit key file (making the file if there is none) and begin its "
        "part of the trail; older keys stay, to verify what they signed");
    add_common(new_key);

    std::string backup_to;
    auto* backup = cli.add_subcommand(
        "backup", "An online, consistent copy of a SQLite store into a new file");
    add_common(backup);
    backup->add_option("--to", backup_to, "The new backup file")->required();

    std::string copy_from, copy_to;
    auto* migrate_store = cli.add_subcommand(
        "migrate-store", "Move a whole database to another store, and prove the copy");
    migrate_store->add_option("--config", common.config_file, "TOML settings file");
    migrate_store->add_option("--from", copy_from, "sqlite:PATH")->required();
    migrate_store->add_option("--to", copy_to, "postgresql://... (an empty database)")->required();

    std::int64_t export_child = 0;
    std::string export_out;
    auto* exporter = cli.add_subcommand(
        "export",
        "A child's whole record as files (record.json and record.html): a subject "
        "access request, or for the child when they leave");
    add_common(exporter);
    exporter->add_option("--child", export_child, "The child's id (in the address of their page)")
        ->required()
        ->check(CLI::PositiveNumber);
    exporter->add_option("--out", export_out, "The folder to write the files in")->required();

    std::string user_action, email, name, role;
    std::int64_t home_id = 0;
    auto* user =
        cli.add_subcommand("user", "Manage people: add, disable, enable, reset-password, list");
    add_common(user);
    user->add_option("action", user_action, "add | disable | enable | reset-password | list")
        ->required()
        ->check(CLI::IsMember({"add", "disable", "enable", "reset-password", "list"}));
    user->add_option("--email", email, "Their email address");
    user->add_option("--name", name, "Their full name (add)");
    user->add_option("--role", role, "Their role (add)");
    user->add_option("--home-id", home_id, "The home the role is in (add)");

    auto run_chosen = [&]() -> Status {
        if (serve->parsed()) {
            return run_serve(common, port, listen);
        }
        if (init->parsed()) {
            return run_init(common, org, homes, admin_name, admin_email);
        }
        if (migrate->parsed()) {
            return run_migrate(common);
        }
        if (demo->parsed()) {
            const bool scaled = homes_opt->count() > 0 || years_opt->count() > 0;
            return run_demo(common, scaled ? std::optional<demo::Scale>(scale) : std::nullopt);
        }
        if (verify->parsed()) {
            return run_verify(common, checkpoint_file);
        }
        if (new_key->parsed()) {
            return run_new_audit_key(common);
        }
        if (backup->parsed()) {
            return run_backup(common, backup_to);
        }
        if (migrate_store->parsed()) {
            return run_migrate_store(common, copy_from, copy_to);
        }
        if (exporter->parsed()) {
            return run_export(common, export_child, export_out);
        }
        if (user->parsed()) {
            return run_user(common, user_action, email, name, role, home_id);
        }
        return Error::make(ErrorKind::invalid_input, "Choose a subcommand: see hearth --help");
    };
    CLI11_PARSE(cli, argc, argv);
    const Status done = run_chosen();
    return done.ok() ? 0 : report(done.error());
}
