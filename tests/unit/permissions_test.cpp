// Who may do what: every route of the application, for every role, through the real router over a
// real database with the demo organisation. The expectations are written out by hand from
// the roles in docs/user-guide.md ("Who sees what") and the policy in permissions.cpp; they are not
// computed by calling can(), so a change to the policy or a new route has to be decided here too.
#include "platform/auth/permissions.hpp"

#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "deadlines/deadline_store.hpp"
#include "organisation/homes.hpp"
#include "platform/auth/accounts.hpp"
#include "platform/auth/second_factor_store.hpp"
#include "platform/auth/sessions.hpp"
#include "platform/crypto.hpp"
#include "test_support.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace permissions_test {

using namespace hearth;
using hearth::testing::Browser;
using hearth::testing::header_of;
using hearth::testing::InProcessApp;

namespace {

// The people of the demo organisation the walk signs in as, one column each in the table below.
// Willow House is home 1 with children 1-4; Harbour View is home 2 with children 5-8. Child 1
// (Aisha) is allocated to the Northshire social worker and has Reg 44 consent.
struct Persona {
    const char* column;
    const char* email;  // empty: not signed in
};
const Persona personas[] = {
    {"anonymous", ""},
    {"provider administrator", "admin@example.org"},
    {"responsible individual", "ri@example.org"},
    {"Willow registered manager", "manager.willow@example.org"},
    {"Willow deputy", "deputy.willow@example.org"},
    {"Willow support worker", "rsw1.willow@example.org"},
    {"Harbour registered manager", "manager.harbour@example.org"},
    {"social worker (child 1 allocated)", "social.worker@example.org"},
    {"independent person (Willow)", "reg44@example.org"},
};
constexpr std::size_t persona_count = std::size(personas);

struct Expectation {
    const char* method;
    const char* pattern;
    // One mark per persona, in the order above: Y allowed, - denied. Spaces are for reading.
    const char* marks;
};

// One row a route, the marks in columns.
// clang-format off
// {home} is Willow House (1); {child} is child 1.
//                                                       an ad ri mg dp rw hm sw ip
const Expectation expectations[] = {
    // Probes, static files and the API description: public.
    {"GET", "/healthz",                                 "Y  Y  Y  Y  Y  Y  Y  Y  Y"},
    {"GET", "/readyz",                                  "Y  Y  Y  Y  Y  Y  Y  Y  Y"},
    {"GET", "/static/*",                                "Y  Y  Y  Y  Y  Y  Y  Y  Y"},
    {"GET", "/api/v1/openapi.yaml",                     "Y  Y  Y  Y  Y  Y  Y  Y  Y"},
    // The server's metrics: the provider administrator only.
    {"GET", "/metrics",                                 "-  Y  -  -  -  -  -  -  -"},
    // Signing in is public; the rest is about oneself.
    {"GET", "/sign-in",                                 "Y  Y  Y  Y  Y  Y  Y  Y  Y"},
    {"POST", "/sign-in",                                "Y  Y  Y  Y  Y  Y  Y  Y  Y"},
    {"POST", "/session/extend",                         "-  Y  Y  Y  Y  Y  Y  Y  Y"},
    {"GET", "/account",                                 "-  Y  Y  Y  Y  Y  Y  Y  Y"},
    {"POST", "/account/tokens",                         "-  Y  Y  Y  Y  Y  Y  Y  Y"},
    // {token} is the Willow registered manager's: only its person revokes it here (anyone else is
    // answered as if it did not exist; the manager's turn finds it already revoked, a 409).
    {"POST", "/account/tokens/{token}/revoke",          "-  -  -  Y  -  -  -  -  -"},
    {"GET", "/account/password",                        "-  Y  Y  Y  Y  Y  Y  Y  Y"},
    {"POST", "/account/password",                       "-  Y  Y  Y  Y  Y  Y  Y  Y"},
    {"POST", "/sign-out",                               "-  Y  Y  Y  Y  Y  Y  Y  Y"},
    // The code after the password (for someone already signed in, it sends them on), and one's
    // own second factor.
    {"GET", "/sign-in/code",                            "-  Y  Y  Y  Y  Y  Y  Y  Y"},
    {"POST", "/sign-in/code",                           "-  Y  Y  Y  Y  Y  Y  Y  Y"},
    {"GET", "/account/second-factor",                   "-  Y  Y  Y  Y  Y  Y  Y  Y"},
    {"POST", "/account/second-factor/start",            "-  Y  Y  Y  Y  Y  Y  Y  Y"},
    {"POST", "/account/second-factor/confirm",          "-  Y  Y  Y  Y  Y  Y  Y  Y"},
    {"POST", "/account/second-factor/recovery-codes",   "-  Y  Y  Y  Y  Y  Y  Y  Y"},
    {"POST", "/account/second-factor/turn-off",         "-  Y  Y  Y  Y  Y  Y  Y  Y"},
    {"GET", "/",                                        "-  Y  Y  Y  Y  Y  Y  Y  Y"},
    {"GET", "/api/v1/me",                               "-  Y  Y  Y  Y  Y  Y  Y  Y"},
    // Every home at once: oversight roles.
    {"GET", "/organisation",                            "-  Y  Y  -  -  -  -  -  -"},
    {"GET", "/api/v1/organisation",                     "-  Y  Y  -  -  -  -  -  -"},
    // A home: its staff, oversight, and the home's independent person; not another home's staff.
    {"GET", "/homes/{home}",                            "-  Y  Y  Y  Y  Y  -  -  Y"},
    {"GET", "/homes/{home}/people",                     "-  Y  Y  Y  Y  Y  -  -  Y"},
    {"GET", "/api/v1/homes/{home}/people",              "-  Y  Y  Y  Y  Y  -  -  Y"},
    {"GET", "/homes/{home}/children",                   "-  Y  Y  Y  Y  Y  -  -  Y"},
    {"GET", "/api/v1/homes/{home}/children",            "-  Y  Y  Y  Y  Y  -  -  Y"},
    // {person} is the Willow registered manager: whoever sees the home's people sees their page.
    {"GET", "/homes/{home}/people/{person}",            "-  Y  Y  Y  Y  Y  -  -  Y"},
    // Giving and ending roles, and ending a social worker's allocation ({allocation}: to child 2):
    // the administrator and the home's registered manager.
    {"POST", "/homes/{home}/people",                    "-  Y  -  Y  -  -  -  -  -"},
    {"POST", "/homes/{home}/people/{person}/end-role",  "-  Y  -  Y  -  -  -  -  -"},
    {"POST", "/homes/{home}/allocations/{allocation}/end", "-  Y  -  Y  -  -  -  -  -"},
    // Disabling and enabling a person, and revoking their tokens: the provider administrator.
    {"POST", "/homes/{home}/people/{person}/disable",   "-  Y  -  -  -  -  -  -  -"},
    {"POST", "/homes/{home}/people/{person}/enable",    "-  Y  -  -  -  -  -  -  -"},
    {"POST", "/homes/{home}/people/{person}/tokens/{token}/revoke", "-  Y  -  -  -  -  -  -  -"},
    {"POST", "/homes/{home}/people/{person}/second-factor/reset", "-  Y  -  -  -  -  -  -  -"},
    {"POST", "/homes/{home}/people/{person}/second-factor/require", "-  Y  -  -  -  -  -  -  -"},
    // The values the law leaves to the organisation: its administrator.
    {"GET", "/organisation/settings",                   "-  Y  -  -  -  -  -  -  -"},
    {"POST", "/organisation/settings",                  "-  Y  -  -  -  -  -  -  -"},
    {"GET", "/api/v1/organisation/settings",            "-  Y  -  -  -  -  -  -  -"},
    {"PUT", "/api/v1/organisation/settings",            "-  Y  -  -  -  -  -  -  -"},
    {"POST", "/api/v1/homes/{home}/people",             "-  Y  -  Y  -  -  -  -  -"},
    // Admitting a child: the administrator, the manager and the deputy.
    {"GET", "/homes/{home}/children/new",               "-  Y  -  Y  Y  -  -  -  -"},
    {"POST", "/homes/{home}/children",                  "-  Y  -  Y  Y  -  -  -  -"},
    {"POST", "/api/v1/homes/{home}/children",           "-  Y  -  Y  Y  -  -  -  -"},
    // Child 1's record: the home's staff, oversight, the allocated social worker, and the
    // independent person because of the consent.
    {"GET", "/children/{child}",                        "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/children/{child}/record",                 "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/children/{child}",                 "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/children/{child}/versions",        "-  Y  Y  Y  Y  Y  -  Y  Y"},
    // Amending it: the home's staff and the administrator; oversight and visitors read only.
    {"GET", "/children/{child}/edit",                   "-  Y  -  Y  Y  Y  -  -  -"},
    {"POST", "/children/{child}",                       "-  Y  -  Y  Y  Y  -  -  -"},
    {"PUT", "/api/v1/children/{child}",                 "-  Y  -  Y  Y  Y  -  -  -"},
    // The people around child 1: whoever may read the record sees them; the home's staff keep
    // the family list ({member} is someone on child 1's list).
    {"GET", "/children/{child}/people",                 "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/children/{child}/family",          "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/children/{child}/people/new",             "-  Y  -  Y  Y  Y  -  -  -"},
    {"POST", "/children/{child}/people/new",            "-  Y  -  Y  Y  Y  -  -  -"},
    {"GET", "/children/{child}/people/{member}/edit",   "-  Y  -  Y  Y  Y  -  -  -"},
    {"POST", "/children/{child}/people/{member}/edit",  "-  Y  -  Y  Y  Y  -  -  -"},
    {"GET", "/children/{child}/people/{member}/end",    "-  Y  -  Y  Y  Y  -  -  -"},
    {"POST", "/children/{child}/people/{member}/end",   "-  Y  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/children/{child}/family",         "-  Y  -  Y  Y  Y  -  -  -"},
    {"PUT", "/api/v1/children/{child}/family/{member}", "-  Y  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/children/{child}/family/{member}/end", "-  Y  -  Y  Y  Y  -  -  -"},
    // Key workers: read with the record; changed, with the child's view, by the administrator,
    // the manager and the deputy.
    {"GET", "/children/{child}/key-workers",            "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/children/{child}/key-workers",     "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/children/{child}/key-workers/change",     "-  Y  -  Y  Y  -  -  -  -"},
    {"POST", "/children/{child}/key-workers/change",    "-  Y  -  Y  Y  -  -  -  -"},
    {"POST", "/api/v1/children/{child}/key-workers",    "-  Y  -  Y  Y  -  -  -  -"},
    // Money and valuables: read with the record; the home's staff take and give them back.
    {"GET", "/children/{child}/valuables",              "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/children/{child}/valuables",       "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/children/{child}/valuables/deposit",      "-  Y  -  Y  Y  Y  -  -  -"},
    {"POST", "/children/{child}/valuables/deposit",     "-  Y  -  Y  Y  Y  -  -  -"},
    {"GET", "/children/{child}/valuables/return",       "-  Y  -  Y  Y  Y  -  -  -"},
    {"POST", "/children/{child}/valuables/return",      "-  Y  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/children/{child}/valuables/deposits", "-  Y  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/children/{child}/valuables/returns",  "-  Y  -  Y  Y  Y  -  -  -"},
    // Recording that a child left: the administrator, the manager and the deputy.
    // Reg 44 consent: read with the record; recorded by the registered manager alone.
    {"GET", "/children/{child}/reg44-consent",          "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/children/{child}/reg44-consent/new",      "-  -  -  Y  -  -  -  -  -"},
    {"POST", "/children/{child}/reg44-consent/new",     "-  -  -  Y  -  -  -  -  -"},
    {"GET", "/children/{child}/leaving",                "-  Y  -  Y  Y  -  -  -  -"},
    {"POST", "/children/{child}/leaving",               "-  Y  -  Y  Y  -  -  -  -"},
    {"POST", "/api/v1/children/{child}/leaving",        "-  Y  -  Y  Y  -  -  -  -"},
    // The register of children (Schedule 4): oversight, the home's managers, the home's
    // independent person; not support workers, nor another home's manager.
    {"GET", "/homes/{home}/register",                   "-  Y  Y  Y  Y  -  -  -  Y"},
    {"GET", "/api/v1/homes/{home}/register",            "-  Y  Y  Y  Y  -  -  -  Y"},
    // Exporting the whole record: the administrator, the responsible individual and the home's
    // registered manager.
    {"GET", "/children/{child}/export",                 "-  Y  Y  Y  -  -  -  -  -"},
    {"GET", "/children/{child}/export/record.json",     "-  Y  Y  Y  -  -  -  -  -"},
    {"GET", "/children/{child}/export/record.html",     "-  Y  Y  Y  -  -  -  -  -"},
    {"GET", "/api/v1/children/{child}/export",          "-  Y  Y  Y  -  -  -  -  -"},
    // A child's plans and risk assessments: read with the record (the allocated social worker and,
    // with consent, the independent person too); written by the home's staff; signed off by the
    // home's registered manager only. {plan} is child 1's placement plan.
    {"GET", "/children/{child}/plans",                  "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/children/{child}/plans/{plan}",           "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/children/{child}/plans",           "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/children/{child}/plans/{plan}",    "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/children/{child}/plans/new",              "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/children/{child}/plans",                 "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/children/{child}/plans",          "-  -  -  Y  Y  Y  -  -  -"},
    {"GET", "/children/{child}/plans/{plan}/versions/new", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/children/{child}/plans/{plan}",          "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/children/{child}/plans/{plan}/versions", "-  -  -  Y  Y  Y  -  -  -"},
    {"GET", "/children/{child}/plans/{plan}/sharing",   "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/children/{child}/plans/{plan}/sharing",  "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/children/{child}/plans/{plan}/sharing", "-  -  -  Y  Y  Y  -  -  -"},
    {"GET", "/children/{child}/plans/{plan}/sign-off",  "-  -  -  Y  -  -  -  -  -"},
    {"POST", "/children/{child}/plans/{plan}/sign-off", "-  -  -  Y  -  -  -  -  -"},
    {"POST", "/api/v1/children/{child}/plans/{plan}/sign-off", "-  -  -  Y  -  -  -  -  -"},
    // The kinds of plan and their sections: anyone signed in (no child's record in it).
    {"GET", "/api/v1/plan-kinds",                       "-  Y  Y  Y  Y  Y  Y  Y  Y"},
    // The home's audit trail: oversight and the registered manager.
    {"GET", "/homes/{home}/audit",                      "-  Y  Y  Y  -  -  -  -  -"},
    {"GET", "/api/v1/homes/{home}/audit",               "-  Y  Y  Y  -  -  -  -  -"},
    // Child 1's chronology and daily entries: whoever may read the case record.
    {"GET", "/children/{child}/chronology",             "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/children/{child}/chronology/print",       "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/children/{child}/chronology",      "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/daily-record/{entry}",                    "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/daily-record/{entry}",             "-  Y  Y  Y  Y  Y  -  Y  Y"},
    // Writing and amending the daily record, and closing agreed actions: the home's staff on shift.
    {"GET", "/children/{child}/daily-record/new",       "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/children/{child}/daily-record",          "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/children/{child}/daily-record",   "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/children/{child}/praise",                "-  -  -  Y  Y  Y  -  -  -"},
    {"GET", "/daily-record/{entry}/amend",              "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/daily-record/{entry}",                   "-  -  -  Y  Y  Y  -  -  -"},
    {"PUT", "/api/v1/daily-record/{entry}",             "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/actions/{action}/done",                  "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/actions/{action}/done",           "-  -  -  Y  Y  Y  -  -  -"},
    // Searching a home's records: its staff and oversight.
    {"GET", "/homes/{home}/search",                     "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/api/v1/homes/{home}/search",              "-  Y  Y  Y  Y  Y  -  -  -"},
    // The handover and children's meetings: read by the home's staff and oversight; written by staff.
    {"GET", "/homes/{home}/handover",                   "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/api/v1/homes/{home}/handover",            "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/homes/{home}/handovers",                  "-  Y  Y  Y  Y  Y  -  -  -"},
    {"POST", "/homes/{home}/handovers",                 "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/homes/{home}/handovers",          "-  -  -  Y  Y  Y  -  -  -"},
    {"GET", "/homes/{home}/childrens-meetings",         "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/api/v1/homes/{home}/childrens-meetings",  "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/childrens-meetings/{meeting}",            "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/api/v1/childrens-meetings/{meeting}",     "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/homes/{home}/childrens-meetings/new",     "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/homes/{home}/childrens-meetings",        "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/homes/{home}/childrens-meetings", "-  -  -  Y  Y  Y  -  -  -"},
    {"GET", "/childrens-meetings/{meeting}/amend",      "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/childrens-meetings/{meeting}",           "-  -  -  Y  Y  Y  -  -  -"},
    {"PUT", "/api/v1/childrens-meetings/{meeting}",     "-  -  -  Y  Y  Y  -  -  -"},
    // Deadlines: a home's are read by its staff and oversight; anyone signed in may ask for the
    // deadlines of their own homes (an empty list for those who watch none); a child's are read
    // with their record; meeting one by hand is for senior staff.
    {"GET", "/homes/{home}/deadlines",                  "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/api/v1/homes/{home}/deadlines",           "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/deadlines",                               "-  Y  Y  Y  Y  Y  Y  Y  Y"},
    {"GET", "/api/v1/deadlines",                        "-  Y  Y  Y  Y  Y  Y  Y  Y"},
    {"GET", "/deadlines/{deadline}",                    "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/api/v1/deadlines/{deadline}",             "-  Y  Y  Y  Y  Y  -  -  -"},
    {"POST", "/deadlines/{deadline}/met",               "-  Y  -  Y  Y  -  -  -  -"},
    {"POST", "/api/v1/deadlines/{deadline}/met",        "-  Y  -  Y  Y  -  -  -  -"},
    {"GET", "/children/{child}/deadlines",              "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/children/{child}/deadlines",       "-  Y  Y  Y  Y  Y  -  Y  Y"},
    // Language that cares: the organisation's list and the check as staff type, for everyone
    // who writes records and the oversight roles; {phrase} is phrase 1 of the list.
    {"GET", "/organisation/language",                   "-  Y  Y  Y  Y  Y  Y  -  -"},
    {"GET", "/organisation/language/{phrase}",          "-  Y  Y  Y  Y  Y  Y  -  -"},
    {"POST", "/language/check",                         "-  Y  Y  Y  Y  Y  Y  -  -"},
    {"GET", "/api/v1/language/phrases",                 "-  Y  Y  Y  Y  Y  Y  -  -"},
    {"GET", "/api/v1/language/phrases/{phrase}",        "-  Y  Y  Y  Y  Y  Y  -  -"},
    {"POST", "/api/v1/language/check",                  "-  Y  Y  Y  Y  Y  Y  -  -"},
    // Changing the list: the administrator and any home's registered manager.
    {"GET", "/organisation/language/new",               "-  Y  -  Y  -  -  Y  -  -"},
    {"POST", "/organisation/language",                  "-  Y  -  Y  -  -  Y  -  -"},
    {"GET", "/organisation/language/{phrase}/edit",     "-  Y  -  Y  -  -  Y  -  -"},
    {"POST", "/organisation/language/{phrase}",         "-  Y  -  Y  -  -  Y  -  -"},
    {"GET", "/organisation/language/{phrase}/retire",   "-  Y  -  Y  -  -  Y  -  -"},
    {"POST", "/organisation/language/{phrase}/retire",  "-  Y  -  Y  -  -  Y  -  -"},
    {"GET", "/organisation/language/{phrase}/restore",  "-  Y  -  Y  -  -  Y  -  -"},
    {"POST", "/organisation/language/{phrase}/restore", "-  Y  -  Y  -  -  Y  -  -"},
    {"POST", "/api/v1/language/phrases",                "-  Y  -  Y  -  -  Y  -  -"},
    {"PUT", "/api/v1/language/phrases/{phrase}",        "-  Y  -  Y  -  -  Y  -  -"},
    {"POST", "/api/v1/language/phrases/{phrase}/retire", "-  Y  -  Y  -  -  Y  -  -"},
    {"POST", "/api/v1/language/phrases/{phrase}/restore", "-  Y  -  Y  -  -  Y  -  -"},
    // The figures: oversight, and registered managers (who see their own homes in it).
    {"GET", "/organisation/language/figures",           "-  Y  Y  Y  -  -  Y  -  -"},
    {"GET", "/api/v1/language/figures",                 "-  Y  Y  Y  -  -  Y  -  -"},
    // Incidents: a home's list for its staff, oversight and its independent person; a child's,
    // and each incident, with the child's record (the allocated social worker, and the independent
    // person with consent). {incident} is incident 1, about child 1.
    {"GET", "/homes/{home}/incidents",                  "-  Y  Y  Y  Y  Y  -  -  Y"},
    {"GET", "/api/v1/homes/{home}/incidents",           "-  Y  Y  Y  Y  Y  -  -  Y"},
    {"GET", "/children/{child}/incidents",              "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/children/{child}/incidents",       "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/children/{child}/incidents/{incident}",   "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/children/{child}/incidents/{incident}", "-  Y  Y  Y  Y  Y  -  Y  Y"},
    // Recording an incident and what follows it, and amending it: the home's staff on shift.
    {"GET", "/homes/{home}/incidents/new",              "-  -  -  Y  Y  Y  -  -  -"},
    // Serious events (Reg 40): a home's list and records as its deadlines are read; a child's as
    // their chronology; recorded, and who was told, by the home's staff.
    {"GET", "/homes/{home}/serious-events",             "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/api/v1/homes/{home}/serious-events",      "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/homes/{home}/serious-events/{serious_event}", "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/api/v1/homes/{home}/serious-events/{serious_event}", "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/children/{child}/serious-events",         "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/children/{child}/serious-events",  "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/children/{child}/serious-events/{serious_event}", "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/children/{child}/serious-events/{serious_event}", "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/homes/{home}/serious-events/new",         "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/homes/{home}/serious-events",            "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/homes/{home}/serious-events",     "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/homes/{home}/serious-events/{serious_event}/told", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/homes/{home}/serious-events/{serious_event}/told", "-  -  -  Y  Y  Y  -  -  -"},
    {"GET", "/children/{child}/contact",                "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/children/{child}/contact-restrictions", "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/children/{child}/contact/restrictions/new", "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/children/{child}/contact/restrictions",  "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/api/v1/children/{child}/contact-restrictions", "-  -  -  Y  Y  -  -  -  -"},
    {"GET", "/children/{child}/contact/restrictions/{restriction}", "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/children/{child}/contact-restrictions/{restriction}", "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"POST", "/children/{child}/contact/restrictions/{restriction}/notice", "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/api/v1/children/{child}/contact-restrictions/{restriction}/notice", "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/children/{child}/contact/restrictions/{restriction}/review", "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/api/v1/children/{child}/contact-restrictions/{restriction}/review", "-  -  -  Y  Y  -  -  -  -"},
    {"GET", "/api/v1/children/{child}/contacts",        "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/children/{child}/contact/log/new",        "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/children/{child}/contact/log",           "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/children/{child}/contacts",       "-  -  -  Y  Y  Y  -  -  -"},
    {"GET", "/children/{child}/contact/log/{contact}",  "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/children/{child}/contacts/{contact}", "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"POST", "/children/{child}/contact/log/{contact}/outcome", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/children/{child}/contacts/{contact}/outcome", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/children/{child}/contact/log/{contact}/concern", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/children/{child}/contacts/{contact}/concern", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/children/{child}/contact/log/{contact}/concern/answer", "-  -  -  Y  Y  Y  -  Y  -"},
    {"POST", "/api/v1/children/{child}/contacts/{contact}/concern/answer", "-  -  -  Y  Y  Y  -  Y  -"},
    {"GET", "/children/{child}/contact/school-hours",   "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"POST", "/children/{child}/contact/school-hours",  "-  -  -  Y  Y  -  -  -  -"},
    // A personal calendar address of the home's planned contact: its staff, who plan it.
    {"GET", "/homes/{home}/contact/calendar",           "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/homes/{home}/contact/calendar",          "-  -  -  Y  Y  Y  -  -  -"},
    {"GET", "/homes/{home}/contact/calendar.ics",       "-  -  -  Y  Y  Y  -  -  -"},
    {"GET", "/api/v1/children/{child}/school-hours",    "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"PUT", "/api/v1/children/{child}/school-hours",    "-  -  -  Y  Y  -  -  -  -"},
    {"GET", "/homes/{home}/school-hours",               "-  Y  Y  Y  Y  Y  -  -  Y"},
    {"POST", "/homes/{home}/school-hours",              "-  -  -  Y  Y  -  -  -  -"},
    {"GET", "/api/v1/homes/{home}/school-hours",        "-  Y  Y  Y  Y  Y  -  -  Y"},
    {"PUT", "/api/v1/homes/{home}/school-hours",        "-  -  -  Y  Y  -  -  -  -"},
    {"GET", "/homes/{home}/contact-figures",            "-  Y  Y  Y  Y  -  -  -  Y"},
    {"GET", "/api/v1/homes/{home}/contact-figures",     "-  Y  Y  Y  Y  -  -  -  Y"},
    {"GET", "/children/{child}/contact/figures",        "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/children/{child}/contact-figures", "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/organisation/contact-restrictions",       "-  Y  Y  -  -  -  -  -  -"},
    {"GET", "/api/v1/contact-restrictions",             "-  Y  Y  -  -  -  -  -  -"},
    {"GET", "/children/{child}/contact/arrangements",   "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/children/{child}/contact/arrangements/new", "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/children/{child}/contact/arrangements",  "-  -  -  Y  Y  -  -  -  -"},
    {"GET", "/children/{child}/contact/arrangements/{contact_arrangement}", "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"POST", "/children/{child}/contact/arrangements/{contact_arrangement}/end", "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/children/{child}/contact/arrangements/{contact_arrangement}/agreement", "-  -  -  -  -  -  -  Y  -"},
    {"POST", "/children/{child}/contact/restrictions/{restriction}/agreement", "-  -  -  -  -  -  -  Y  -"},
    {"GET", "/children/{child}/contact/digital",        "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"POST", "/children/{child}/contact/digital",       "-  -  -  Y  Y  -  -  -  -"},
    {"GET", "/api/v1/children/{child}/contact-arrangements", "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"POST", "/api/v1/children/{child}/contact-arrangements", "-  -  -  Y  Y  -  -  -  -"},
    {"GET", "/api/v1/children/{child}/contact-arrangements/{contact_arrangement}", "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"POST", "/api/v1/children/{child}/contact-arrangements/{contact_arrangement}/end", "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/api/v1/children/{child}/contact-arrangements/{contact_arrangement}/agreement", "-  -  -  -  -  -  -  Y  -"},
    {"POST", "/api/v1/children/{child}/contact-restrictions/{restriction}/agreement", "-  -  -  -  -  -  -  Y  -"},
    {"GET", "/api/v1/children/{child}/digital-contact", "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"POST", "/api/v1/children/{child}/digital-contact", "-  -  -  Y  Y  -  -  -  -"},
    // The team: a home's staff records for its registered manager and the administrator; a
    // person's own record for them too (the walk's {staff} is the Willow support worker); nobody
    // else, not oversight, colleagues, social workers or the Reg 44 visitor.
    {"GET", "/homes/{home}/team",                       "-  Y  -  Y  -  -  -  -  -"},
    {"GET", "/api/v1/homes/{home}/team",                "-  Y  -  Y  -  -  -  -  -"},
    {"GET", "/homes/{home}/team/{staff}",               "-  Y  -  Y  -  Y  -  -  -"},
    {"GET", "/api/v1/homes/{home}/team/{staff}",        "-  Y  -  Y  -  Y  -  -  -"},
    {"POST", "/homes/{home}/team/{staff}/details",      "-  Y  -  Y  -  -  -  -  -"},
    {"PUT", "/api/v1/homes/{home}/team/{staff}/details", "-  Y  -  Y  -  -  -  -  -"},
    {"POST", "/homes/{home}/team/{staff}/checks",       "-  Y  -  Y  -  -  -  -  -"},
    {"POST", "/homes/{home}/team/{staff}/training",     "-  Y  -  Y  -  -  -  -  -"},
    {"GET", "/homes/{home}/team/{staff}/export",        "-  Y  -  Y  -  Y  -  -  -"},
    {"POST", "/homes/{home}/team/{staff}/corrections",  "-  -  -  -  -  Y  -  -  -"},
    {"POST", "/api/v1/homes/{home}/team/{staff}/corrections", "-  -  -  -  -  Y  -  -  -"},
    {"POST", "/homes/{home}/team/{staff}/corrections/{correction}/answer", "-  Y  -  Y  -  -  -  -  -"},
    {"POST", "/api/v1/homes/{home}/team/{staff}/corrections/{correction}/answer", "-  Y  -  Y  -  -  -  -  -"},
    {"POST", "/api/v1/homes/{home}/team/{staff}/training", "-  Y  -  Y  -  -  -  -  -"},
    // The training matrix: a home's for its seniors and oversight, across the homes for
    // oversight; the programme kept by the provider's administrator.
    {"GET", "/homes/{home}/training-matrix",            "-  Y  Y  Y  Y  -  -  -  -"},
    {"GET", "/api/v1/homes/{home}/training-matrix",     "-  Y  Y  Y  Y  -  -  -  -"},
    {"GET", "/organisation/training-matrix",            "-  Y  Y  -  -  -  -  -  -"},
    {"GET", "/api/v1/training-matrix",                  "-  Y  Y  -  -  -  -  -  -"},
    {"GET", "/organisation/training-programme",         "-  Y  -  -  -  -  -  -  -"},
    {"POST", "/organisation/training-programme",        "-  Y  -  -  -  -  -  -  -"},
    {"GET", "/api/v1/training-programme",               "-  Y  -  -  -  -  -  -  -"},
    {"POST", "/api/v1/training-programme",              "-  Y  -  -  -  -  -  -  -"},
    {"POST", "/api/v1/homes/{home}/team/{staff}/checks", "-  Y  -  Y  -  -  -  -  -"},
    {"POST", "/homes/{home}/team/{staff}/supervised-start", "-  Y  -  Y  -  -  -  -  -"},
    {"POST", "/api/v1/homes/{home}/team/{staff}/supervised-start", "-  Y  -  Y  -  -  -  -  -"},
    {"POST", "/homes/{home}/team/{staff}/qualifications", "-  Y  -  Y  -  -  -  -  -"},
    {"POST", "/api/v1/homes/{home}/team/{staff}/qualifications", "-  Y  -  Y  -  -  -  -  -"},
    {"POST", "/homes/{home}/team/{staff}/qualifications/{qualification}/achieved", "-  Y  -  Y  -  -  -  -  -"},
    {"POST", "/api/v1/homes/{home}/team/{staff}/qualifications/{qualification}/achieved", "-  Y  -  Y  -  -  -  -  -"},
    // Supervision: read by the two, the registered manager and the administrator; recorded by the
    // supervisor (the walk's support worker is supervised by the registered manager), not by
    // themselves; signed by the two; arranged by whoever manages the staff record. {supervision}
    // is the support worker's first, signed by both: a signature again is refused as such (400).
    // The rota: read by those who work at the home and oversight, kept by its seniors; each
    // person's own shifts and their calendar address. {shift} is Willow House's first.
    {"GET", "/homes/{home}/rota",                       "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/api/v1/homes/{home}/rota",                "-  Y  Y  Y  Y  Y  -  -  -"},
    {"POST", "/homes/{home}/rota/shifts",               "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/api/v1/homes/{home}/rota/shifts",        "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/homes/{home}/rota/staffing",             "-  -  -  Y  Y  -  -  -  -"},
    {"PUT", "/api/v1/homes/{home}/rota/staffing",       "-  -  -  Y  Y  -  -  -  -"},
    {"GET", "/homes/{home}/rota/shifts/{shift}",        "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/api/v1/homes/{home}/rota/shifts/{shift}", "-  Y  Y  Y  Y  Y  -  -  -"},
    {"POST", "/homes/{home}/rota/shifts/{shift}/outcome", "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/api/v1/homes/{home}/rota/shifts/{shift}/outcome", "-  -  -  Y  Y  -  -  -  -"},
    // Reflective practice and team meetings: the home's staff and oversight; written by seniors.
    {"GET", "/homes/{home}/team-sessions",              "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/api/v1/homes/{home}/team-sessions",       "-  Y  Y  Y  Y  Y  -  -  -"},
    {"POST", "/homes/{home}/team-sessions",             "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/api/v1/homes/{home}/team-sessions",      "-  -  -  Y  Y  -  -  -  -"},
    {"GET", "/homes/{home}/team-sessions/{session}",    "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/api/v1/homes/{home}/team-sessions/{session}", "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/account/shifts",                          "-  Y  Y  Y  Y  Y  Y  Y  Y"},
    {"POST", "/account/shifts",                         "-  Y  Y  Y  Y  Y  Y  Y  Y"},
    {"GET", "/account/shifts.ics",                      "-  Y  Y  Y  Y  Y  Y  Y  Y"},
    {"GET", "/homes/{home}/team/{staff}/supervision",   "-  Y  -  Y  -  Y  -  -  -"},
    {"GET", "/api/v1/homes/{home}/team/{staff}/supervision", "-  Y  -  Y  -  Y  -  -  -"},
    {"POST", "/homes/{home}/team/{staff}/supervision",  "-  -  -  Y  -  -  -  -  -"},
    {"POST", "/api/v1/homes/{home}/team/{staff}/supervision", "-  -  -  Y  -  -  -  -  -"},
    {"POST", "/homes/{home}/team/{staff}/supervision/arrangement", "-  Y  -  Y  -  -  -  -  -"},
    {"PUT", "/api/v1/homes/{home}/team/{staff}/supervision/arrangement", "-  Y  -  Y  -  -  -  -  -"},
    {"GET", "/homes/{home}/team/{staff}/supervision/{supervision}", "-  Y  -  Y  -  Y  -  -  -"},
    {"GET", "/api/v1/homes/{home}/team/{staff}/supervision/{supervision}", "-  Y  -  Y  -  Y  -  -  -"},
    {"POST", "/homes/{home}/team/{staff}/supervision/{supervision}/sign", "-  -  -  Y  -  Y  -  -  -"},
    {"POST", "/api/v1/homes/{home}/team/{staff}/supervision/{supervision}/sign", "-  -  -  Y  -  Y  -  -  -"},
    // Bullying concerns: the home's list and concerns for those who work there and oversight;
    // recorded by anyone on shift; the response led by the manager and seniors. From a child's
    // page, whoever reads the child. Managed interactions: agreed and reviewed by the seniors.
    {"GET", "/homes/{home}/bullying",                   "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/api/v1/homes/{home}/bullying-concerns",   "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/homes/{home}/talked-about-bullying",      "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/api/v1/homes/{home}/talked-about-bullying", "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/homes/{home}/bullying/new",               "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/homes/{home}/bullying",                  "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/homes/{home}/bullying-concerns",  "-  -  -  Y  Y  Y  -  -  -"},
    {"GET", "/homes/{home}/bullying/{bullying_concern}", "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/api/v1/homes/{home}/bullying-concerns/{bullying_concern}", "-  Y  Y  Y  Y  Y  -  -  -"},
    {"POST", "/homes/{home}/bullying/{bullying_concern}/stages", "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/api/v1/homes/{home}/bullying-concerns/{bullying_concern}/stages", "-  -  -  Y  Y  -  -  -  -"},
    {"GET", "/homes/{home}/bullying/{bullying_concern}/told", "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/homes/{home}/bullying/{bullying_concern}/told", "-  -  -  Y  Y  -  -  -  -"},
    {"GET", "/homes/{home}/bullying/{bullying_concern}/report-back", "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/api/v1/homes/{home}/bullying-concerns/{bullying_concern}/told", "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/homes/{home}/bullying/{bullying_concern}/report-back", "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/api/v1/homes/{home}/bullying-concerns/{bullying_concern}/report-back", "-  -  -  Y  Y  -  -  -  -"},
    {"GET", "/homes/{home}/bullying/{bullying_concern}/informed", "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/homes/{home}/bullying/{bullying_concern}/informed", "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/api/v1/homes/{home}/bullying-concerns/{bullying_concern}/informed", "-  -  -  Y  Y  -  -  -  -"},
    {"GET", "/homes/{home}/bullying/{bullying_concern}/correct", "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/homes/{home}/bullying/{bullying_concern}/correct", "-  -  -  Y  Y  -  -  -  -"},
    {"PUT", "/api/v1/homes/{home}/bullying-concerns/{bullying_concern}", "-  -  -  Y  Y  -  -  -  -"},
    {"GET", "/homes/{home}/bullying/{bullying_concern}/advocates", "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/homes/{home}/bullying/{bullying_concern}/advocates", "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/api/v1/homes/{home}/bullying-concerns/{bullying_concern}/advocates", "-  -  -  Y  Y  -  -  -  -"},
    {"GET", "/homes/{home}/bullying/{bullying_concern}/complaints", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/homes/{home}/bullying/{bullying_concern}/complaints", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/homes/{home}/bullying-concerns/{bullying_concern}/complaints", "-  -  -  Y  Y  Y  -  -  -"},
    {"GET", "/homes/{home}/bullying/{bullying_concern}/complaint-outcome", "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/homes/{home}/bullying/{bullying_concern}/complaint-outcome", "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/api/v1/homes/{home}/bullying-concerns/{bullying_concern}/complaint-outcome", "-  -  -  Y  Y  -  -  -  -"},
    {"GET", "/children/{child}/bullying/{bullying_concern}", "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/children/{child}/bullying-concerns/{bullying_concern}", "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/children/{child}/bullying-concerns", "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/homes/{home}/bullying-figures",           "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/api/v1/homes/{home}/bullying-figures",    "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/organisation/bullying-figures",           "-  Y  Y  -  -  -  -  -  -"},
    {"GET", "/api/v1/bullying-figures",                 "-  Y  Y  -  -  -  -  -  -"},
    {"GET", "/children/{child}/relationships",          "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/children/{child}/managed-interactions", "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/children/{child}/relationships/interactions/new", "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/children/{child}/relationships/interactions", "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/api/v1/children/{child}/managed-interactions", "-  -  -  Y  Y  -  -  -  -"},
    {"GET", "/children/{child}/relationships/interactions/{managed_interaction}", "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/children/{child}/managed-interactions/{managed_interaction}", "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"POST", "/children/{child}/relationships/interactions/{managed_interaction}/review", "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/api/v1/children/{child}/managed-interactions/{managed_interaction}/review", "-  -  -  Y  Y  -  -  -  -"},
    // Friendships: written by anyone on shift, read by whoever may read the child's record.
    {"GET", "/api/v1/children/{child}/friendships",     "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/children/{child}/relationships/friendships/new", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/children/{child}/relationships/friendships", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/children/{child}/friendships",    "-  -  -  Y  Y  Y  -  -  -"},
    {"GET", "/children/{child}/relationships/friendships/{friendship}", "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/children/{child}/friendships/{friendship}", "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"POST", "/children/{child}/relationships/friendships/{friendship}/looks", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/children/{child}/friendships/{friendship}/looks", "-  -  -  Y  Y  Y  -  -  -"},
    // Changes of staff: the child's view recorded by anyone on shift, answered by the registered
    // manager.
    {"GET", "/api/v1/children/{child}/staff-changes",   "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/children/{child}/relationships/staff-changes/new", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/children/{child}/relationships/staff-changes", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/children/{child}/staff-changes",  "-  -  -  Y  Y  Y  -  -  -"},
    {"GET", "/children/{child}/relationships/staff-changes/{staff_change}", "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/children/{child}/staff-changes/{staff_change}", "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"POST", "/children/{child}/relationships/staff-changes/{staff_change}/response", "-  -  -  Y  -  -  -  -  -"},
    {"POST", "/api/v1/children/{child}/staff-changes/{staff_change}/response", "-  -  -  Y  -  -  -  -  -"},
    {"GET", "/homes/{home}/visitors",                   "-  Y  Y  Y  Y  Y  -  -  Y"},
    {"GET", "/api/v1/homes/{home}/visits",              "-  Y  Y  Y  Y  Y  -  -  Y"},
    {"GET", "/homes/{home}/visitors/new",               "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/homes/{home}/visitors",                  "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/homes/{home}/visits",             "-  -  -  Y  Y  Y  -  -  -"},
    {"GET", "/homes/{home}/visitors/in-building",       "-  Y  Y  Y  Y  Y  -  -  Y"},
    {"GET", "/api/v1/homes/{home}/visits/in-building",  "-  Y  Y  Y  Y  Y  -  -  Y"},
    {"GET", "/homes/{home}/visitors/{visit}",           "-  Y  Y  Y  Y  Y  -  -  Y"},
    {"GET", "/api/v1/homes/{home}/visits/{visit}",      "-  Y  Y  Y  Y  Y  -  -  Y"},
    {"POST", "/homes/{home}/visitors/{visit}/sign-out", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/homes/{home}/visits/{visit}/sign-out", "-  -  -  Y  Y  Y  -  -  -"},
    {"GET", "/homes/{home}/visitors/items-not-allowed", "-  -  -  Y  Y  -  -  -  -"},
    {"POST", "/homes/{home}/visitors/items-not-allowed", "-  -  -  Y  Y  -  -  -  -"},
    {"GET", "/api/v1/homes/{home}/items-not-allowed",   "-  -  -  Y  Y  -  -  -  -"},
    {"PUT", "/api/v1/homes/{home}/items-not-allowed",   "-  -  -  Y  Y  -  -  -  -"},
    {"GET", "/homes/{home}/details",                    "-  Y  -  -  -  -  -  -  -"},
    {"POST", "/homes/{home}/details",                   "-  Y  -  -  -  -  -  -  -"},
    {"GET", "/api/v1/homes/{home}/details",             "-  Y  -  -  -  -  -  -  -"},
    {"PUT", "/api/v1/homes/{home}/details",             "-  Y  -  -  -  -  -  -  -"},
    {"GET", "/homes/{home}/placement-notices",          "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/api/v1/homes/{home}/placement-notices",   "-  Y  Y  Y  Y  Y  -  -  -"},
    {"GET", "/children/{child}/placement-notices",      "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/children/{child}/placement-notices", "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/children/{child}/placement-notices/{placement_notice}", "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/children/{child}/placement-notices/{placement_notice}", "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/children/{child}/placement-notices/{placement_notice}/notice.html", "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"POST", "/children/{child}/placement-notices/{placement_notice}/sent", "-  Y  -  Y  Y  -  -  -  -"},
    {"POST", "/api/v1/children/{child}/placement-notices/{placement_notice}/sent", "-  Y  -  Y  Y  -  -  -  -"},
    {"POST", "/homes/{home}/incidents",                 "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/homes/{home}/incidents",          "-  -  -  Y  Y  Y  -  -  -"},
    {"GET", "/children/{child}/incidents/{incident}/amend", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/children/{child}/incidents/{incident}",  "-  -  -  Y  Y  Y  -  -  -"},
    {"PUT", "/api/v1/children/{child}/incidents/{incident}", "-  -  -  Y  Y  Y  -  -  -"},
    {"GET", "/children/{child}/incidents/{incident}/accounts", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/children/{child}/incidents/{incident}/accounts", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/children/{child}/incidents/{incident}/accounts", "-  -  -  Y  Y  Y  -  -  -"},
    {"GET", "/children/{child}/incidents/{incident}/notifications", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/children/{child}/incidents/{incident}/notifications", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/children/{child}/incidents/{incident}/notifications", "-  -  -  Y  Y  Y  -  -  -"},
    {"GET", "/children/{child}/incidents/{incident}/child-debriefs", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/children/{child}/incidents/{incident}/child-debriefs", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/children/{child}/incidents/{incident}/child-debriefs", "-  -  -  Y  Y  Y  -  -  -"},
    {"GET", "/children/{child}/incidents/{incident}/staff-debriefs", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/children/{child}/incidents/{incident}/staff-debriefs", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/children/{child}/incidents/{incident}/staff-debriefs", "-  -  -  Y  Y  Y  -  -  -"},
    {"GET", "/children/{child}/incidents/{incident}/restorative", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/children/{child}/incidents/{incident}/restorative", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/children/{child}/incidents/{incident}/restorative", "-  -  -  Y  Y  Y  -  -  -"},
    // Learning shared between homes: everyone who works in a home, and oversight.
    {"GET", "/organisation/shared-learning",            "-  Y  Y  Y  Y  Y  Y  -  -"},
    {"GET", "/api/v1/shared-learning",                  "-  Y  Y  Y  Y  Y  Y  -  -"},
    // Reg 35 records: read with the child's record; written and amended by the home's staff; the
    // sign-off pages open to the home's staff, and the record's own rule says who may sign.
    // {measure} is measure 1, about child 1.
    {"GET", "/measures/{measure}",                      "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/api/v1/measures/{measure}",               "-  Y  Y  Y  Y  Y  -  Y  Y"},
    {"GET", "/children/{child}/incidents/{incident}/measures", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/children/{child}/incidents/{incident}/measures", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/children/{child}/incidents/{incident}/measures", "-  -  -  Y  Y  Y  -  -  -"},
    {"GET", "/measures/{measure}/amend",                "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/measures/{measure}",                     "-  -  -  Y  Y  Y  -  -  -"},
    {"PUT", "/api/v1/measures/{measure}",               "-  -  -  Y  Y  Y  -  -  -"},
    {"GET", "/measures/{measure}/staff-review",         "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/measures/{measure}/staff-review",        "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/measures/{measure}/staff-review", "-  -  -  Y  Y  Y  -  -  -"},
    {"GET", "/measures/{measure}/staff-conversations",  "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/measures/{measure}/staff-conversations", "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/measures/{measure}/staff-conversations", "-  -  -  Y  Y  Y  -  -  -"},
    {"GET", "/measures/{measure}/child-review",         "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/measures/{measure}/child-review",        "-  -  -  Y  Y  Y  -  -  -"},
    {"POST", "/api/v1/measures/{measure}/child-review", "-  -  -  Y  Y  Y  -  -  -"},
    // Who may sign Reg 35 records: the administrator and the home's registered manager.
    {"GET", "/homes/{home}/reg35-signers",              "-  Y  -  Y  -  -  -  -  -"},
    {"POST", "/homes/{home}/reg35-signers",             "-  Y  -  Y  -  -  -  -  -"},
    {"GET", "/api/v1/homes/{home}/reg35-signers",       "-  Y  -  Y  -  -  -  -  -"},
    {"POST", "/api/v1/homes/{home}/reg35-signers",      "-  Y  -  Y  -  -  -  -  -"},
    // Accredited training: read by oversight and the home's seniors; recorded by the administrator
    // and the registered manager.
    {"GET", "/homes/{home}/intervention-training",      "-  Y  Y  Y  Y  -  -  -  -"},
    {"GET", "/api/v1/homes/{home}/intervention-training", "-  Y  Y  Y  Y  -  -  -  -"},
    {"POST", "/homes/{home}/intervention-training",     "-  Y  -  Y  -  -  -  -  -"},
    {"POST", "/api/v1/homes/{home}/intervention-training", "-  Y  -  Y  -  -  -  -  -"},
    // The organisation's accredited techniques: the administrator and any registered manager.
    {"GET", "/organisation/intervention-techniques",    "-  Y  -  Y  -  -  Y  -  -"},
    {"POST", "/organisation/intervention-techniques",   "-  Y  -  Y  -  -  Y  -  -"},
    {"GET", "/api/v1/organisation/intervention-techniques", "-  Y  -  Y  -  -  Y  -  -"},
    {"POST", "/api/v1/organisation/intervention-techniques", "-  Y  -  Y  -  -  Y  -  -"},
    // A home's figures of restrictive practice and warmth, and Ofsted's counts: oversight, the
    // home's seniors and its independent person; the organisation's: oversight.
    {"GET", "/homes/{home}/restrictive-practice",       "-  Y  Y  Y  Y  -  -  -  Y"},
    {"GET", "/api/v1/homes/{home}/restrictive-practice", "-  Y  Y  Y  Y  -  -  -  Y"},
    {"GET", "/homes/{home}/ofsted-counts",              "-  Y  Y  Y  Y  -  -  -  Y"},
    {"GET", "/api/v1/homes/{home}/ofsted-counts",       "-  Y  Y  Y  Y  -  -  -  Y"},
    {"GET", "/homes/{home}/warmth",                     "-  Y  Y  Y  Y  -  -  -  Y"},
    {"GET", "/api/v1/homes/{home}/warmth",              "-  Y  Y  Y  Y  -  -  -  Y"},
    {"GET", "/organisation/restrictive-practice",       "-  Y  Y  -  -  -  -  -  -"},
    {"GET", "/api/v1/organisation/restrictive-practice", "-  Y  Y  -  -  -  -  -  -"},
    {"GET", "/organisation/ofsted-counts",              "-  Y  Y  -  -  -  -  -  -"},
    {"GET", "/api/v1/organisation/ofsted-counts",       "-  Y  Y  -  -  -  -  -  -"},
};
// clang-format on

std::string marks_of(const Expectation& e) {
    std::string out;
    for (const char* p = e.marks; *p; ++p) {
        if (*p != ' ')
            out.push_back(*p);
    }
    return out;
}

std::string route_key(const std::string& method, const std::string& pattern) {
    return method + " " + pattern;
}

// Someone on child 1's family list, from the demo data.
std::string family_member_of_child_1 = "0";
// A serious event about child 1 in home 1, from the demo data.
std::string serious_event_of_child_1 = "0";
// A notice of child 1's admission, owed to Willow House's local authority (made for the walk: the
// demo's child 1 was placed by the home's own authority).
std::string placement_notice_of_child_1 = "0";
// A restriction of child 1's contact (made for the walk).
std::string restriction_of_child_1 = "0";
// A contact in child 1's log, and an arrangement of theirs, from the demo data.
std::string contact_of_child_1 = "0";
std::string arrangement_of_child_1 = "0";
// A bullying concern in Willow House about child 1, and a managed interaction of child 1, from
// the demo data.
std::string concern_about_child_1 = "0";
std::string interaction_of_child_1 = "0";
std::string friendship_of_child_1 = "0";
std::string staff_change_of_child_1 = "0";
// A visit in Willow House's visitors' book, from the demo data.
std::string visit_in_home_1 = "0";
// The Willow registered manager, an API token of theirs, and an allocation to child 2 (made for
// the walk, so that ending it leaves child 1's allocation as the walk reads it).
std::string willow_manager = "0";
// The Willow support worker, whose own staff record they may read, and their qualification.
std::string willow_support_worker = "0";
std::string qualification_of_willow_support_worker = "0";
std::string correction_asked_by_willow_support_worker = "0";
std::string first_supervision_of_willow_support_worker = "0";
std::string first_shift_in_home_1 = "0";
std::string first_session_in_home_1 = "0";
std::string willow_manager_token = "0";
std::string allocation_to_child_2 = "0";

std::string concrete_path(std::string pattern) {
    auto replace = [&](const std::string& from, const std::string& to) {
        for (auto pos = pattern.find(from); pos != std::string::npos;
             pos = pattern.find(from, pos)) {
            pattern.replace(pos, from.size(), to);
        }
    };
    replace("{home}", "1");
    replace("{child}", "1");
    replace("{entry}", "1");
    replace("{action}", "1");
    replace("{meeting}", "1");
    replace("{deadline}", "1");
    replace("{member}", family_member_of_child_1);
    replace("{plan}", "1");
    replace("{phrase}", "1");
    replace("{incident}", "1");
    replace("{measure}", "1");
    replace("{serious_event}", serious_event_of_child_1);
    replace("{placement_notice}", placement_notice_of_child_1);
    replace("{restriction}", restriction_of_child_1);
    replace("{contact}", contact_of_child_1);
    replace("{contact_arrangement}", arrangement_of_child_1);
    replace("{visit}", visit_in_home_1);
    replace("{bullying_concern}", concern_about_child_1);
    replace("{managed_interaction}", interaction_of_child_1);
    replace("{friendship}", friendship_of_child_1);
    replace("{staff_change}", staff_change_of_child_1);
    replace("{person}", willow_manager);
    replace("{staff}", willow_support_worker);
    replace("{qualification}", qualification_of_willow_support_worker);
    replace("{correction}", correction_asked_by_willow_support_worker);
    replace("{supervision}", first_supervision_of_willow_support_worker);
    replace("{shift}", first_shift_in_home_1);
    replace("{session}", first_session_in_home_1);
    replace("{token}", willow_manager_token);
    replace("{allocation}", allocation_to_child_2);
    replace("*", "vendor/hearth.css");
    return pattern;
}

// The router's answer to a page that needs sign-in; signing out also lands on /sign-in, but
// without the way back.
bool redirected_to_sign_in(const http::Response& r) {
    return r.status == 303 && header_of(r, "Location").rfind("/sign-in?next=", 0) == 0;
}

// What the router said, in words for a failure message.
std::string outcome(const http::Response& r) {
    std::string s = std::to_string(r.status);
    if (auto loc = header_of(r, "Location"); !loc.empty())
        s += " to " + loc;
    return s;
}

// Allowed: the handler ran. 4xx answers about the (deliberately empty) body count as allowed;
// the walk is only about the permission check.
bool looks_allowed(const http::Response& r) {
    return r.status != 401 && r.status != 403 && r.status != 404 && r.status != 405 &&
           r.status < 500 && !redirected_to_sign_in(r);
}
// Denied: 403 for a record the person may see but not act on; 404 for one they may see nothing of,
// answered as if it did not exist (SocialWorkerSeesOnlyAllocatedChildren checks which is which).
bool looks_denied(const http::Response& r, bool anonymous) {
    if (anonymous)
        return r.status == 401 || redirected_to_sign_in(r);
    return r.status == 403 || r.status == 404;
}

class PermissionsStore : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        app_ = new InProcessApp();
        // Deadline 1: a clock about child 1 in Willow House, as a plan's review would start.
        auto started = app_->db->write([](db::Connection& c) {
            const auto now = hearth::testing::test_now();
            return deadlines::start(
                c,
                {1, 1, "plan_review", "Review Aisha's safety plan", "test", 1, "/children/1",
                 "registered_manager", std::nullopt, now, now + std::chrono::hours{48}},
                {std::nullopt, "test", "127.0.0.1", "test"}, now);
        });
        ASSERT_TRUE(started.ok()) << started.error().detail;
        family_member_of_child_1 = std::to_string(hearth::testing::count_rows(
            *app_->db, "SELECT MIN(id) FROM family_members WHERE child_id = 1"));
        serious_event_of_child_1 = std::to_string(hearth::testing::count_rows(
            *app_->db, "SELECT MIN(id) FROM serious_events WHERE child_id = 1 AND home_id = 1"));
        auto owed = app_->db->write([](db::Connection& c) {
            return c.insert(
                "INSERT INTO placement_notices (home_id, child_id, occasion, occurred_on, "
                "local_authority, created_at) VALUES (1, 1, 'admission', '2024-09-02', "
                "'Northshire County Council', '2024-09-02T09:00:00.000Z') RETURNING id",
                {});
        });
        ASSERT_TRUE(owed.ok()) << owed.error().detail;
        placement_notice_of_child_1 = std::to_string(owed.value());
        auto restricted = app_->db->write([](db::Connection& c) {
            return c.insert(
                "INSERT INTO contact_restrictions (home_id, child_id, person, forms, reason, why, "
                "basis, starts_on, agreed_beforehand, review_on, child_told, created_at, "
                "created_by) VALUES (1, 1, 'Jay Moss', '[\"phone\"]', 'safeguard', 'Messages', "
                "'home', '2026-05-12', 0, '2026-05-26', 0, '2026-05-12T09:00:00.000Z', 3) "
                "RETURNING id",
                {});
        });
        ASSERT_TRUE(restricted.ok()) << restricted.error().detail;
        restriction_of_child_1 = std::to_string(restricted.value());
        contact_of_child_1 = std::to_string(hearth::testing::count_rows(
            *app_->db, "SELECT MIN(id) FROM contacts WHERE child_id = 1"));
        arrangement_of_child_1 = std::to_string(hearth::testing::count_rows(
            *app_->db, "SELECT MIN(id) FROM contact_arrangements WHERE child_id = 1"));
        concern_about_child_1 = std::to_string(hearth::testing::count_rows(
            *app_->db, "SELECT MIN(id) FROM bullying_concerns WHERE child_id = 1 AND home_id = 1"));
        interaction_of_child_1 = std::to_string(hearth::testing::count_rows(
            *app_->db, "SELECT MIN(id) FROM managed_interactions WHERE child_id = 1"));
        friendship_of_child_1 = std::to_string(hearth::testing::count_rows(
            *app_->db, "SELECT MIN(id) FROM friendships WHERE child_id = 1"));
        staff_change_of_child_1 = std::to_string(hearth::testing::count_rows(
            *app_->db, "SELECT MIN(id) FROM staff_changes WHERE child_id = 1"));
        visit_in_home_1 = std::to_string(
            hearth::testing::count_rows(*app_->db, "SELECT MIN(id) FROM visits WHERE home_id = 1"));
        const auto manager = hearth::testing::count_rows(
            *app_->db, "SELECT id FROM people WHERE email = 'manager.willow@example.org'");
        willow_manager = std::to_string(manager);
        const auto support_worker = hearth::testing::count_rows(
            *app_->db, "SELECT id FROM people WHERE email = 'rsw1.willow@example.org'");
        willow_support_worker = std::to_string(support_worker);
        qualification_of_willow_support_worker = std::to_string(hearth::testing::count_rows(
            *app_->db, "SELECT MIN(id) FROM staff_qualifications WHERE person_id = $1",
            {support_worker}));
        correction_asked_by_willow_support_worker = std::to_string(hearth::testing::count_rows(
            *app_->db, "SELECT MIN(id) FROM staff_record_requests WHERE person_id = $1",
            {support_worker}));
        first_session_in_home_1 = std::to_string(hearth::testing::count_rows(
            *app_->db, "SELECT MIN(id) FROM team_sessions WHERE home_id = 1"));
        first_shift_in_home_1 = std::to_string(
            hearth::testing::count_rows(*app_->db, "SELECT MIN(id) FROM shifts WHERE home_id = 1"));
        first_supervision_of_willow_support_worker = std::to_string(hearth::testing::count_rows(
            *app_->db, "SELECT MIN(id) FROM supervisions WHERE person_id = $1", {support_worker}));
        auto made = app_->db->write([&](db::Connection& c) -> Status {
            const auto now = hearth::testing::test_now();
            TRY(sessions::create_api_token(c, manager, "Walk", 30,
                                           {std::nullopt, "test", "127.0.0.1", "test"}, now));
            return c.run(
                "INSERT INTO allocations (person_id, child_id, started_at) "
                "SELECT id, 2, $1 FROM people WHERE email = 'social.worker@example.org'",
                {format_utc(now)});
        });
        ASSERT_TRUE(made.ok()) << made.error().detail;
        willow_manager_token = std::to_string(hearth::testing::count_rows(
            *app_->db, "SELECT MAX(id) FROM api_tokens WHERE name = 'Walk'"));
        allocation_to_child_2 = std::to_string(hearth::testing::count_rows(
            *app_->db, "SELECT MAX(id) FROM allocations WHERE child_id = 2"));
    }
    static void TearDownTestSuite() {
        delete app_;
        app_ = nullptr;
    }

    // A browser signed in as the persona (or with only the pre-sign-in cookie, for anonymous).
    static Browser browser_for(const Persona& p) {
        Browser b(*app_);
        if (*p.email == '\0') {
            b.get("/sign-in");
        } else {
            b.sign_in_or_fail(p.email);
        }
        return b;
    }

    static http::Response request(Browser& b, const std::string& method, const std::string& path) {
        if (method == "GET")
            return b.get(path);
        // An empty form but for the CSRF token: enough to reach the permission check.
        return b.send(method, path, "csrf_token=" + http::url_encode(b.csrf));
    }

    static InProcessApp* app_;
};
InProcessApp* PermissionsStore::app_ = nullptr;

TEST_F(PermissionsStore, TheTableListsEveryRouteAndNoOther) {
    std::set<std::string> in_router, in_table;
    for (const auto& r : app_->app->router.routes())
        in_router.insert(route_key(r.method, r.pattern));
    for (const auto& e : expectations) {
        EXPECT_TRUE(in_table.insert(route_key(e.method, e.pattern)).second)
            << "listed twice: " << route_key(e.method, e.pattern);
        EXPECT_EQ(marks_of(e).size(), persona_count) << route_key(e.method, e.pattern);
    }
    for (const auto& k : in_router) {
        EXPECT_TRUE(in_table.count(k))
            << "route " << k << " is not in the permissions table: decide who may use it";
    }
    for (const auto& k : in_table)
        EXPECT_TRUE(in_router.count(k)) << "the table lists " << k << " but no route";
}

TEST_F(PermissionsStore, EveryRouteForEveryRole) {
    std::map<std::string, const Expectation*> by_key;
    for (const auto& e : expectations)
        by_key[route_key(e.method, e.pattern)] = &e;

    // Signing out ends the session the rest of the walk uses, so it goes last.
    std::vector<const http::Route*> order;
    for (const auto& r : app_->app->router.routes()) {
        if (r.pattern != "/sign-out")
            order.push_back(&r);
    }
    for (const auto& r : app_->app->router.routes()) {
        if (r.pattern == "/sign-out")
            order.push_back(&r);
    }

    int checked = 0;
    for (std::size_t who = 0; who < persona_count; ++who) {
        const Persona& p = personas[who];
        const bool anonymous = *p.email == '\0';
        Browser b = browser_for(p);
        for (const http::Route* route : order) {
            auto found = by_key.find(route_key(route->method, route->pattern));
            if (found == by_key.end())
                continue;  // reported by TheTableListsEveryRouteAndNoOther
            const bool allowed = marks_of(*found->second)[who] == 'Y';
            const std::string path = concrete_path(route->pattern);
            http::Response r = request(b, route->method, path);
            if (allowed) {
                EXPECT_TRUE(looks_allowed(r)) << p.column << " should be allowed " << route->method
                                              << " " << path << " but got " << outcome(r);
            } else {
                EXPECT_TRUE(looks_denied(r, anonymous))
                    << p.column << " should be denied " << route->method << " " << path
                    << " but got " << outcome(r);
            }
            ++checked;
        }
    }
    EXPECT_EQ(checked, static_cast<int>(persona_count * app_->app->router.routes().size()));
}

TEST_F(PermissionsStore, SocialWorkerSeesOnlyAllocatedChildren) {
    Browser b = browser_for(personas[7]);
    EXPECT_EQ(b.get("/children/1").status, 200);  // Willow, Northshire: allocated
    EXPECT_EQ(b.get("/children/6").status, 200);  // Harbour, Northshire: allocated
    // Children not allocated to them are answered as children who do not exist.
    EXPECT_EQ(b.get("/children/3").status, 404);  // Willow, Eastbrook: not allocated
    EXPECT_EQ(b.get("/children/5").status, 404);  // Harbour, Eastbrook: not allocated
    EXPECT_EQ(b.get("/api/v1/children/3").status, 404);
    EXPECT_EQ(b.get("/api/v1/children/3/versions").status, 404);
    // Allocation gives sight, not the pen, nor the home around the child.
    EXPECT_EQ(b.post("/children/1", "csrf_token=" + b.csrf).status, 403);
    EXPECT_EQ(b.get("/homes/1").status, 404);
    EXPECT_EQ(b.get("/homes/1/children").status, 404);
}

// Trying ids tells nobody which records exist: a child, a home or a record about a child that the
// reader may see nothing of answers exactly as one that does not exist, page and API alike.
TEST_F(PermissionsStore, ARecordOutOfSightAnswersAsOneThatDoesNotExist) {
    // The answer with its request id taken out: the one thing that differs between any two.
    auto without_request_id = [](http::Response r) {
        const std::string id = header_of(r, "X-Request-Id");
        std::erase_if(r.headers, [](const auto& h) { return h.first == "X-Request-Id"; });
        for (auto at = r.body.find(id); !id.empty() && at != std::string::npos;
             at = r.body.find(id)) {
            r.body.erase(at, id.size());
        }
        return std::tuple{r.status, r.headers, r.body};
    };
    auto same = [&](Browser& b, const std::string& hidden, const std::string& missing) {
        auto h = without_request_id(b.get(hidden));
        auto m = without_request_id(b.get(missing));
        EXPECT_EQ(std::get<0>(h), 404) << hidden;
        EXPECT_TRUE(h == m) << hidden << " and " << missing << " answer differently";
    };
    Browser social_worker = browser_for(personas[7]);
    same(social_worker, "/children/3", "/children/99999");
    same(social_worker, "/api/v1/children/3", "/api/v1/children/99999");
    same(social_worker, "/homes/1/handover", "/homes/99999/handover");
    Browser visitor = browser_for(personas[8]);
    same(visitor, "/children/2", "/children/99999");
    same(visitor, "/api/v1/children/2/chronology", "/api/v1/children/99999/chronology");
    // A worker of one home and the other home's daily entry.
    auto harbour_entry = hearth::testing::count_rows(
        *app_->db, "SELECT MIN(id) FROM daily_entries WHERE home_id = 2");
    Browser willow_worker = browser_for(personas[5]);
    same(willow_worker, "/daily-record/" + std::to_string(harbour_entry), "/daily-record/99999");
    same(willow_worker, "/api/v1/homes/2/handover", "/api/v1/homes/99999/handover");
}

TEST_F(PermissionsStore, IndependentPersonReadsOnlyConsentedRecordsAndChangesNothing) {
    Browser b = browser_for(personas[8]);
    EXPECT_EQ(b.get("/children/1").status, 200);  // consent
    EXPECT_EQ(b.get("/children/4").status, 200);  // consent
    EXPECT_EQ(b.get("/children/2").status, 404);  // no consent: as if there were no record
    EXPECT_EQ(b.get("/api/v1/children/2").status, 404);
    EXPECT_EQ(b.get("/api/v1/children/2/versions").status, 404);
    EXPECT_EQ(b.get("/homes/1").status, 200);
    EXPECT_EQ(b.get("/homes/2").status, 404);  // not their home
    EXPECT_EQ(b.get("/children/5").status, 404);
    // Nothing can be changed, not even a consented record.
    EXPECT_EQ(b.get("/children/1/edit").status, 403);
    EXPECT_EQ(b.post("/children/1", "csrf_token=" + b.csrf).status, 403);
    EXPECT_EQ(b.send("PUT", "/api/v1/children/1", "csrf_token=" + b.csrf).status, 403);
    EXPECT_EQ(b.post("/homes/1/children", "csrf_token=" + b.csrf).status, 403);
    EXPECT_EQ(b.post("/homes/1/people", "csrf_token=" + b.csrf).status, 403);
    EXPECT_EQ(b.get("/homes/1/audit").status, 403);
}

TEST_F(PermissionsStore, ChildrenListGivesNoCaseRecordTheReaderMayNotOpen) {
    // The list is open to the independent person, but the record of a child without consent
    // must not come through it: only what the home's dashboard shows of them.
    Browser b = browser_for(personas[8]);
    http::Response r = b.get("/api/v1/homes/1/children");
    ASSERT_EQ(r.status, 200);
    auto list = nlohmann::json::parse(r.body)["children"];
    ASSERT_EQ(list.size(), 4u);
    int full = 0;
    for (const auto& ch : list) {
        const auto id = ch["id"].get<std::int64_t>();
        if (id == 1 || id == 4) {
            EXPECT_TRUE(ch.contains("date_of_birth")) << ch.dump();
            ++full;
        } else {
            EXPECT_FALSE(ch.contains("date_of_birth")) << ch.dump();
            EXPECT_FALSE(ch.contains("legal_basis")) << ch.dump();
            EXPECT_FALSE(ch.contains("ethnicity")) << ch.dump();
            EXPECT_FALSE(ch.contains("religion")) << ch.dump();
        }
    }
    EXPECT_EQ(full, 2);

    // Staff of the home see every record in full.
    Browser staff = browser_for(personas[5]);
    auto all = nlohmann::json::parse(staff.get("/api/v1/homes/1/children").body)["children"];
    ASSERT_EQ(all.size(), 4u);
    for (const auto& ch : all)
        EXPECT_TRUE(ch.contains("date_of_birth")) << ch.dump();
}

TEST_F(PermissionsStore, AnotherHomesManagerCannotSeeWillowHouse) {
    // Another home is answered as if it were not there (404), and so are its children.
    Browser b = browser_for(personas[6]);
    EXPECT_EQ(b.get("/homes/2").status, 200);
    EXPECT_EQ(b.get("/children/5").status, 200);
    EXPECT_EQ(b.get("/homes/1").status, 404);
    EXPECT_EQ(b.get("/homes/1/children").status, 404);
    EXPECT_EQ(b.get("/homes/1/people").status, 404);
    EXPECT_EQ(b.get("/homes/1/audit").status, 404);
    for (int child = 1; child <= 4; ++child) {
        EXPECT_EQ(b.get("/children/" + std::to_string(child)).status, 404) << child;
        EXPECT_EQ(b.get("/api/v1/children/" + std::to_string(child)).status, 404) << child;
    }
    EXPECT_EQ(b.post("/children/1", "csrf_token=" + b.csrf).status, 404);
    // The start page lists only their own home.
    http::Response start = b.get("/");
    EXPECT_EQ(start.status, 303);
    EXPECT_EQ(header_of(start, "Location"), "/homes/2");
}

TEST_F(PermissionsStore, ADeniedReadLeavesNoReadEntry) {
    const auto before = hearth::testing::count_rows(
        *app_->db, "SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND child_id = 2");
    Browser b = browser_for(personas[8]);
    ASSERT_EQ(b.get("/children/2").status, 404);
    EXPECT_EQ(
        hearth::testing::count_rows(
            *app_->db, "SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND child_id = 2"),
        before);
}

TEST_F(PermissionsStore, AnotherOrganisationsAdministratorSeesNothingOfThisOne) {
    const std::string email = "admin@other.example.org";
    auto hash = crypto::hash_password("a-different-long-passphrase");
    ASSERT_TRUE(hash.ok());
    Status made = app_->db->write([&](db::Connection& c) -> Status {
        const auto now = app_->clock.now();
        auto org = TRY(
            organisation::create_organisation(c, "Another provider (fictional)", format_utc(now)));
        TRY(organisation::create_home(c, org, "Elm Lodge", "SC000999", format_utc(now)));
        audit::Actor system{std::nullopt, "test", "127.0.0.1", "test"};
        accounts::NewPerson p{org,          "Other Admin", email, "Provider administrator",
                              hash.value(), false};
        auto id = TRY(accounts::add_person(c, p, system, now));
        TRY(accounts::give_role(c, id, std::nullopt, Role::provider_administrator, system, now));
        // An administrator must have a second factor; Browser::sign_in gives the demo key's code.
        return second_factor::set_up_with(c, id, demo::demo_second_factor_secret, system, now);
    });
    ASSERT_TRUE(made.ok()) << made.error().message;
    Browser b(*app_);
    ASSERT_EQ(b.sign_in(email, "a-different-long-passphrase").status, 303);
    b.get("/account");
    EXPECT_EQ(b.get("/homes/1").status, 404);
    EXPECT_EQ(b.get("/homes/1/people").status, 404);
    EXPECT_EQ(b.get("/homes/1/audit").status, 404);
    EXPECT_EQ(b.get("/children/1").status, 404);
    EXPECT_EQ(b.post("/children/1", "csrf_token=" + b.csrf).status, 404);
    EXPECT_EQ(b.post("/homes/1/people", "csrf_token=" + b.csrf).status, 404);
    // Their own overview lists only their own organisation's home.
    http::Response overview = b.get("/api/v1/organisation");
    ASSERT_EQ(overview.status, 200);
    auto homes = nlohmann::json::parse(overview.body)["homes"];
    ASSERT_EQ(homes.size(), 1u);
    EXPECT_EQ(homes[0]["name"], "Elm Lodge");
}

TEST_F(PermissionsStore, StateChangesNeedTheSessionsCsrfToken) {
    Browser b = browser_for(personas[3]);
    EXPECT_EQ(b.post("/children/1", "").status, 403);
    EXPECT_EQ(b.post("/children/1", "csrf_token=not-the-token").status, 403);
    EXPECT_EQ(b.post("/children/1", "csrf_token=" + b.csrf).status, 400);  // through, then invalid
}

// can() itself, for the edges the route walk does not reach.
using hearth::testing::person_with;

TEST(Can, OrganisationMismatchDeniesEvenOrganisationWideRoles) {
    Person admin = person_with(1, {{std::nullopt, Role::provider_administrator}});
    EXPECT_TRUE(can(admin, Action::view_home, Scope{1, 10, {}, false}));
    EXPECT_FALSE(can(admin, Action::view_home, Scope{2, 10, {}, false}));
    EXPECT_FALSE(can(admin, Action::amend_child, Scope{2, 10, 5, false}));
    EXPECT_FALSE(can(admin, Action::manage_people, Scope{2, 10, {}, false}));

    Person manager = person_with(1, {{10, Role::registered_manager}});
    EXPECT_TRUE(can(manager, Action::view_child, Scope{1, 10, 5, false}));
    // The same home id in another organisation's scope: still no.
    EXPECT_FALSE(can(manager, Action::view_child, Scope{2, 10, 5, false}));
}

TEST(Can, HomeRolesStayInTheirHome) {
    Person deputy = person_with(1, {{10, Role::deputy}});
    EXPECT_TRUE(can(deputy, Action::admit_child, Scope{1, 10, {}, false}));
    EXPECT_FALSE(can(deputy, Action::admit_child, Scope{1, 11, {}, false}));
    EXPECT_FALSE(can(deputy, Action::manage_people, Scope{1, 10, {}, false}));
    EXPECT_FALSE(can(deputy, Action::view_audit, Scope{1, 10, {}, false}));
    EXPECT_FALSE(can(deputy, Action::view_organisation, Scope{1, {}, {}, false}));
    // A home action with no home in the scope is refused, not widened.
    EXPECT_FALSE(can(deputy, Action::view_home, Scope{1, {}, {}, false}));
    EXPECT_FALSE(can(deputy, Action::view_child, Scope{1, {}, 5, false}));
}

TEST(Can, SocialWorkerNeedsAnAllocation) {
    Person sw = person_with(1, {{std::nullopt, Role::social_worker}}, {5});
    EXPECT_TRUE(can(sw, Action::view_child, Scope{1, 10, 5, false}));
    EXPECT_FALSE(can(sw, Action::view_child, Scope{1, 10, 6, false}));
    EXPECT_FALSE(can(sw, Action::view_child, Scope{2, 10, 5, false}));
    EXPECT_FALSE(can(sw, Action::amend_child, Scope{1, 10, 5, false}));
    EXPECT_FALSE(can(sw, Action::view_home, Scope{1, 10, {}, false}));
    EXPECT_FALSE(can(sw, Action::view_child_readers, Scope{1, 10, 5, false}));
    // An allocation list without the social worker role gives nothing.
    Person rsw = person_with(1, {{11, Role::support_worker}}, {5});
    EXPECT_FALSE(can(rsw, Action::view_child, Scope{1, 10, 5, false}));
}

TEST(Can, IndependentPersonNeedsConsentAndTheirHome) {
    Person ip = person_with(1, {{10, Role::independent_person}});
    EXPECT_TRUE(can(ip, Action::view_child, Scope{1, 10, 5, true}));
    EXPECT_FALSE(can(ip, Action::view_child, Scope{1, 10, 5, false}));
    EXPECT_FALSE(can(ip, Action::view_child, Scope{1, 11, 5, true}));
    for (Action a : {Action::amend_child, Action::admit_child, Action::manage_people,
                     Action::view_audit, Action::view_child_readers, Action::view_metrics}) {
        EXPECT_FALSE(can(ip, a, Scope{1, 10, 5, true})) << static_cast<int>(a);
    }
}

TEST(Can, NobodySignedInGetsOnlyPublicPages) {
    Person nobody;
    EXPECT_TRUE(can(nobody, Action::public_page, Scope{}));
    EXPECT_FALSE(can(nobody, Action::signed_in, Scope{}));
    EXPECT_FALSE(can(nobody, Action::view_home, Scope{0, 10, {}, false}));
    EXPECT_FALSE(can(nobody, Action::view_organisation, Scope{}));
}

TEST(Can, ResponsibleIndividualOverseesButChangesNoCaseRecord) {
    Person ri = person_with(1, {{std::nullopt, Role::responsible_individual}});
    EXPECT_TRUE(can(ri, Action::view_organisation, Scope{1, {}, {}, false}));
    EXPECT_TRUE(can(ri, Action::view_child, Scope{1, 10, 5, false}));
    EXPECT_TRUE(can(ri, Action::view_audit, Scope{1, 10, {}, false}));
    EXPECT_FALSE(can(ri, Action::amend_child, Scope{1, 10, 5, false}));
    EXPECT_FALSE(can(ri, Action::admit_child, Scope{1, 10, {}, false}));
    EXPECT_FALSE(can(ri, Action::manage_people, Scope{1, 10, {}, false}));
    EXPECT_FALSE(can(ri, Action::view_metrics, Scope{}));
}

TEST(Roles, KeysRoundTrip) {
    for (Role r : all_roles()) {
        auto back = role_from_key(role_key(r));
        ASSERT_TRUE(back.has_value()) << role_key(r);
        EXPECT_EQ(*back, r);
        EXPECT_NE(role_label(r), "Unknown");
    }
    EXPECT_EQ(all_roles().size(), 7u);
    EXPECT_FALSE(role_from_key("superuser").has_value());
}

}  // namespace

}  // namespace permissions_test
