// Money and valuables kept safe for a child: pounds and pence read and shown exactly, a ledger
// that never gives back more than it holds (on the return's day or any day after), and each
// entry written with its chronology and audit entries, or not at all.
#include "children/valuables/valuables.hpp"

#include <gtest/gtest.h>

#include <barrier>
#include <cstdlib>
#include <optional>
#include <thread>

#include "case_record_fixture.hpp"
#include "children/valuables/valuables_store.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace valuables_test {

using namespace hearth;
using namespace hearth::children;
using hearth::testing::fields_of;
using hearth::testing::form_of;
using hearth::testing::FormRule;
using hearth::testing::message_at;
using hearth::testing::refused_at;
using hearth::testing::typed_over;

namespace {

const Date today = hearth::testing::test_today();

TEST(Pounds, ReadExactlyIntoPence) {
    EXPECT_EQ(parse_pounds("20"), 2000);
    EXPECT_EQ(parse_pounds("20.5"), 2050);
    EXPECT_EQ(parse_pounds("20.05"), 2005);
    EXPECT_EQ(parse_pounds("0.01"), 1);
    EXPECT_EQ(parse_pounds(" £1,020.50 "), 102050);
    EXPECT_EQ(parse_pounds("£ 7"), 700);
    EXPECT_EQ(parse_pounds("1,000,000"), 100000000);
    // 0.1 + 0.2 is exactly 30p here: no floating point anywhere.
    EXPECT_EQ(*parse_pounds("0.1") + *parse_pounds("0.2"), *parse_pounds("0.30"));
}

TEST(Pounds, AnythingElseIsRefused) {
    for (const char* bad : {"", "£", "-5", "20.", ".5", "20.505", "1,00", "12,3456", "2O", "20p",
                            "1e3", "١٢", "9999999999", "20 .50", "+5"}) {
        EXPECT_FALSE(parse_pounds(bad).has_value()) << bad;
    }
}

TEST(Pounds, ShownWithThePoundSignAndThousands) {
    EXPECT_EQ(format_pounds(0), "£0.00");
    EXPECT_EQ(format_pounds(5), "£0.05");
    EXPECT_EQ(format_pounds(2000), "£20.00");
    EXPECT_EQ(format_pounds(102050), "£1,020.50");
    EXPECT_EQ(format_pounds(100000000), "£1,000,000.00");
    EXPECT_EQ(format_pounds(-150), "-£1.50");
}

LedgerEntry money(std::int64_t id, const char* entry, std::int64_t pence, const char* on) {
    LedgerEntry e;
    e.id = id;
    e.entry = entry;
    e.what = "money";
    e.description = "Money";
    e.amount_pence = pence;
    e.on = *parse_date(on);
    return e;
}

LedgerEntry item(std::int64_t id, const char* description, const char* on) {
    LedgerEntry e;
    e.id = id;
    e.entry = "deposit";
    e.what = "item";
    e.description = description;
    e.on = *parse_date(on);
    return e;
}

Return money_back(std::int64_t pence, const char* on) {
    Return r;
    r.what = "money";
    r.amount_pence = pence;
    r.on = *parse_date(on);
    return r;
}

TEST(Ledger, HeldIsDepositsLessReturnsAndItemsNotGivenBack) {
    std::vector<LedgerEntry> ledger{
        money(1, "deposit", 2000, "2026-05-01"), item(2, "Bank card", "2026-05-01"),
        money(3, "return", 500, "2026-05-03"), item(4, "Necklace", "2026-05-04")};
    LedgerEntry card_back;
    card_back.id = 5;
    card_back.entry = "return";
    card_back.what = "item";
    card_back.item_id = 2;
    card_back.on = *parse_date("2026-05-05");
    ledger.push_back(card_back);
    const Holding h = held(ledger);
    EXPECT_EQ(h.money_pence, 1500);
    ASSERT_EQ(h.items.size(), 1u);
    EXPECT_EQ(h.items[0].description, "Necklace");
    EXPECT_EQ(held({}).money_pence, 0);
}

TEST(Ledger, AReturnUpToWhatIsHeldIsAccepted) {
    const std::vector<LedgerEntry> ledger{money(1, "deposit", 2000, "2026-05-01"),
                                          money(2, "return", 500, "2026-05-03")};
    EXPECT_TRUE(check_return(ledger, money_back(1500, "2026-05-10")).ok());
    EXPECT_TRUE(check_return(ledger, money_back(1, "2026-05-10")).ok());
    auto over = check_return(ledger, money_back(1501, "2026-05-10"));
    ASSERT_FALSE(over.ok());
    EXPECT_EQ(fields_of(over.error()), std::vector<std::string>{"amount"});
    EXPECT_NE(over.error().message.find("£15.00"), std::string::npos) << over.error().message;
}

TEST(Ledger, NothingHeldMeansNothingToReturn) {
    auto r = check_return({}, money_back(100, "2026-05-10"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(fields_of(r.error()), std::vector<std::string>{"amount"});
    EXPECT_NE(r.error().message.find("no money"), std::string::npos);
    // Money deposited after the return's date was not held on that day.
    auto early =
        check_return({money(1, "deposit", 2000, "2026-05-05")}, money_back(100, "2026-05-04"));
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(fields_of(early.error()), std::vector<std::string>{"amount"});
    EXPECT_NE(early.error().message.find("no money for them on that day"), std::string::npos)
        << early.error().message;
    // The same day counts: deposited in the morning, returned in the afternoon.
    EXPECT_TRUE(
        check_return({money(1, "deposit", 2000, "2026-05-05")}, money_back(2000, "2026-05-05"))
            .ok());
}

TEST(Ledger, ABackDatedReturnCannotLeaveALaterReturnUnpaid) {
    // £20 in on the 1st, £15 out on the 10th: £20 was held on the 5th, but only £5 can go back on
    // the 5th, or the return of the 10th would have been more than the home held.
    const std::vector<LedgerEntry> ledger{money(1, "deposit", 2000, "2026-05-01"),
                                          money(2, "return", 1500, "2026-05-10")};
    EXPECT_TRUE(check_return(ledger, money_back(500, "2026-05-05")).ok());
    auto r = check_return(ledger, money_back(501, "2026-05-05"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(fields_of(r.error()), std::vector<std::string>{"amount"});
    EXPECT_NE(r.error().message.find("no more than £5.00"), std::string::npos) << r.error().message;
    // A deposit later on does not pay for an earlier return: the balance would dip below nothing
    // between the two.
    const std::vector<LedgerEntry> refilled{money(1, "deposit", 1000, "2026-05-01"),
                                            money(2, "deposit", 5000, "2026-05-20")};
    auto dips = check_return(refilled, money_back(2000, "2026-05-06"));
    ASSERT_FALSE(dips.ok());
    EXPECT_EQ(fields_of(dips.error()), std::vector<std::string>{"amount"});
    EXPECT_NE(dips.error().message.find("no more than £10.00"), std::string::npos)
        << dips.error().message;
    EXPECT_TRUE(check_return(refilled, money_back(2000, "2026-05-21")).ok());
}

TEST(Ledger, AnItemIsReturnedOnceAndNotBeforeItCame) {
    std::vector<LedgerEntry> ledger{item(1, "Bank card", "2026-05-03")};
    Return r;
    r.what = "item";
    r.item_id = 1;
    r.on = *parse_date("2026-05-04");
    EXPECT_TRUE(check_return(ledger, r).ok());
    r.on = *parse_date("2026-05-02");
    auto early = check_return(ledger, r);
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(fields_of(early.error()), std::vector<std::string>{"returned_on"});
    EXPECT_NE(early.error().message.find("cannot have been returned before then"),
              std::string::npos);
    r.on = *parse_date("2026-05-04");
    r.item_id = 99;
    auto unknown = check_return(ledger, r);
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(fields_of(unknown.error()), std::vector<std::string>{"item"});
    EXPECT_NE(unknown.error().message.find("Choose an item the home holds"), std::string::npos);
    LedgerEntry back;
    back.id = 2;
    back.entry = "return";
    back.what = "item";
    back.item_id = 1;
    back.on = *parse_date("2026-05-04");
    ledger.push_back(back);
    r.item_id = 1;
    auto twice = check_return(ledger, r);
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(fields_of(twice.error()), std::vector<std::string>{"item"});
    EXPECT_NE(twice.error().message.find("already been returned"), std::string::npos);
    // Money is not an item.
    ledger.push_back(money(3, "deposit", 100, "2026-05-01"));
    r.item_id = 3;
    auto money_as_item = check_return(ledger, r);
    ASSERT_FALSE(money_as_item.ok());
    EXPECT_EQ(fields_of(money_as_item.error()), std::vector<std::string>{"item"});
    EXPECT_NE(money_as_item.error().message.find("Choose an item the home holds"),
              std::string::npos);
}

Result<Deposit> deposit_form(std::map<std::string, std::string> fields) {
    auto form = form_of(fields);
    http::FormReader reader(form);
    return read_deposit(reader, today);
}

std::map<std::string, std::string> good_deposit() {
    return {{"what", "money"},
            {"amount", "20.00"},
            {"deposited_on", "2026-05-12"},
            {"received_by", "Chris Okafor"}};
}

TEST(DepositForm, MoneyNeedsAnAmountAnItemADescription) {
    auto ok = deposit_form(good_deposit());
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    EXPECT_EQ(ok->amount_pence, 2000);
    EXPECT_EQ(ok->description, "Money");

    auto fields = good_deposit();
    fields["what"] = "item";
    fields.erase("amount");
    fields["description"] = "Bank card";
    auto card = deposit_form(fields);
    ASSERT_TRUE(card.ok()) << card.error().message;
    EXPECT_EQ(card->amount_pence, 0);
}

TEST(DepositForm, EveryMissingFieldIsNamed) {
    auto none = deposit_form({});
    EXPECT_EQ(fields_of(none.error()),
              (std::vector<std::string>{"what", "deposited_on", "received_by"}));
}

// clang-format off
const FormRule deposit_rules[] = {
    {"MoneyNeedsAnAmount", {{"amount", nullptr}}, "amount", "Enter the amount"},
    {"AnAmountIsPoundsAndPence", {{"amount", "twenty"}}, "amount", "pounds and pence"},
    {"AnAmountIsMoreThanNothing", {{"amount", "0"}}, "amount", "more than £0 and no more than"},
    {"AnAmountIsNoMoreThanAMillion", {{"amount", "1,000,000.01"}},
     "amount", "more than £0 and no more than"},
    {"AnItemNeedsADescription", {{"what", "item"}, {"amount", nullptr}},
     "description", "Describe the item"},
    {"AnItemHasNoAmount", {{"what", "item"}, {"description", "Bank card"}},
     "amount", "Leave the amount empty"},
    {"MoneyOrAnItemFromTheList", {{"what", "jewels"}}, "what", "from the list"},
    {"DepositedTodayOrEarlier", {{"deposited_on", "2026-05-13"}},
     "deposited_on", "today or earlier"},
};
// clang-format on

class DepositFormRule : public ::testing::TestWithParam<FormRule> {};

TEST_P(DepositFormRule, IsRefusedAtItsFieldWithWhy) {
    EXPECT_TRUE(refused_at(deposit_form(typed_over(good_deposit(), GetParam().typed)),
                           GetParam().field, GetParam().words));
}

INSTANTIATE_TEST_SUITE_P(DepositForm, DepositFormRule, ::testing::ValuesIn(deposit_rules),
                         hearth::testing::RuleName());

Result<Return> return_form(std::map<std::string, std::string> fields) {
    auto form = form_of(fields);
    http::FormReader reader(form);
    return read_return(reader, today);
}

// £5 given back to Aisha by Dana Lewis today.
std::map<std::string, std::string> good_return() {
    return {{"what", "money"},
            {"amount", "5"},
            {"returned_on", "2026-05-12"},
            {"returned_to", "Aisha"},
            {"returned_by", "Dana Lewis"}};
}

TEST(ReturnForm, MoneyOrAnItemButNotBoth) {
    auto ok = return_form(good_return());
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    EXPECT_EQ(ok->amount_pence, 500);
    auto fields = good_return();
    fields["what"] = "item";
    fields["item"] = "3";
    fields.erase("amount");
    auto item = return_form(fields);
    ASSERT_TRUE(item.ok()) << item.error().message;
    EXPECT_EQ(item->item_id, 3);
    auto none = return_form({});
    EXPECT_EQ(fields_of(none.error()),
              (std::vector<std::string>{"what", "returned_on", "returned_to", "returned_by"}));
}

// clang-format off
const FormRule return_rules[] = {
    {"MoneyNamesNoItem", {{"item", "3"}}, "item", "only when returning an item"},
    {"AnItemHasNoAmount", {{"what", "item"}, {"item", "3"}}, "amount", "Leave the amount empty"},
    {"AnItemIsChosen", {{"what", "item"}, {"amount", nullptr}},
     "item", "Choose the item that was returned"},
};
// clang-format on

class ReturnFormRule : public ::testing::TestWithParam<FormRule> {};

TEST_P(ReturnFormRule, IsRefusedAtItsFieldWithWhy) {
    EXPECT_TRUE(refused_at(return_form(typed_over(good_return(), GetParam().typed)),
                           GetParam().field, GetParam().words));
}

INSTANTIATE_TEST_SUITE_P(ReturnForm, ReturnFormRule, ::testing::ValuesIn(return_rules),
                         hearth::testing::RuleName());

class ValuablesStore : public hearth::testing::CaseRecordTest {
  protected:
    Result<std::int64_t> deposit(const char* what, std::int64_t pence, const char* description,
                                 const char* on = "2026-05-10") {
        Deposit d{what, description, pence, *parse_date(on), "Chris Okafor", ""};
        return db_->write(
            [&](db::Connection& c) { return record_deposit(c, child_, d, as(chris_), tick()); });
    }
    Result<std::int64_t> give_back(Return r) {
        r.returned_to = "Aisha";
        r.returned_by = "Dana Lewis";
        return db_->write(
            [&](db::Connection& c) { return record_return(c, child_, r, as(dana_), tick()); });
    }

    // The test's store opened a second time, with connections of its own.
    std::unique_ptr<db::Database> open_again() {
        std::string url;
        if (db_->store() == db::Store::sqlite) {
            auto file = db_->read([](db::Connection& c) {
                return c.query_one("SELECT file FROM pragma_database_list WHERE name = 'main'");
            });
            EXPECT_TRUE(file.ok() && file.value());
            if (!file.ok() || !file.value())
                return nullptr;
            url = "sqlite:" + (*file.value()).text(0);
        } else {
            auto name = db_->read(
                [](db::Connection& c) { return c.query_one("SELECT current_database()"); });
            const char* server = std::getenv("HEARTH_TEST_PG_URL");
            EXPECT_TRUE(name.ok() && name.value() && server != nullptr);
            if (!name.ok() || !name.value() || server == nullptr)
                return nullptr;
            const std::string admin(server);
            url = admin.substr(0, admin.rfind('/') + 1) + (*name.value()).text(0);
        }
        auto opened = db::open_database({url, 1, 5000, nullptr});
        EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().detail);
        return opened.ok() ? std::move(opened.value()) : nullptr;
    }
};

TEST_F(ValuablesStore, EachEntryIsInTheLedgerTheChronologyAndTheAuditTrail) {
    ASSERT_TRUE(deposit("money", 2000, "Birthday money").ok());
    auto card = deposit("item", 0, "Bank card");
    ASSERT_TRUE(card.ok());
    ASSERT_TRUE(give_back(money_back(500, "2026-05-11")).ok());
    Return r;
    r.what = "item";
    r.item_id = *card;
    r.on = *parse_date("2026-05-12");
    ASSERT_TRUE(give_back(r).ok());

    auto ledger = db_->read([&](db::Connection& c) { return ledger_of(c, child_); });
    ASSERT_TRUE(ledger.ok());
    ASSERT_EQ(ledger->size(), 4u);
    EXPECT_EQ((*ledger)[0].amount_pence, 2000);
    EXPECT_EQ((*ledger)[0].received_by, "Chris Okafor");
    EXPECT_EQ((*ledger)[0].recorded_by, "Chris Okafor");
    EXPECT_EQ((*ledger)[3].description, "Bank card");  // an item's return names it
    EXPECT_EQ((*ledger)[3].returned_to, "Aisha");
    const Holding h = held(*ledger);
    EXPECT_EQ(h.money_pence, 1500);
    EXPECT_TRUE(h.items.empty());

    EXPECT_EQ(count("SELECT COUNT(*) FROM chronology WHERE kind = 'valuables' AND child_id = $1"),
              4);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE record_type = 'valuables' AND "
                    "child_id = $1"),
              4);
    auto title = db_->read([&](db::Connection& c) {
        return c.query_one(
            "SELECT title, occurred_at, link FROM chronology WHERE kind = "
            "'valuables' AND child_id = $1 ORDER BY id LIMIT 1",
            {child_});
    });
    ASSERT_TRUE(title.ok() && title.value());
    EXPECT_EQ(title.value()->text(0), "Money deposited for safe keeping: £20.00");
    // Deposited on the 10th: the chronology shows it on that day, not when it was typed.
    EXPECT_EQ(title.value()->text(1), "2026-05-09T23:00:00.000Z");
    EXPECT_EQ(title.value()->text(2).rfind(
                  "/children/" + std::to_string(child_) + "/valuables#entry-", 0),
              0u);
}

TEST_F(ValuablesStore, AReturnOverWhatIsHeldWritesNothing) {
    ASSERT_TRUE(deposit("money", 2000, "Money").ok());
    const auto entries = count("SELECT COUNT(*) FROM valuables WHERE child_id = $1");
    const auto chronology = count("SELECT COUNT(*) FROM chronology WHERE child_id = $1");
    const auto audit = count("SELECT COUNT(*) FROM audit_log WHERE child_id = $1");
    auto over = give_back(money_back(2001, "2026-05-12"));
    ASSERT_FALSE(over.ok());
    EXPECT_EQ(fields_of(over.error()), std::vector<std::string>{"amount"});
    EXPECT_NE(over.error().message.find("no more than £20.00"), std::string::npos);
    EXPECT_EQ(count("SELECT COUNT(*) FROM valuables WHERE child_id = $1"), entries);
    EXPECT_EQ(count("SELECT COUNT(*) FROM chronology WHERE child_id = $1"), chronology);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE child_id = $1"), audit);
    EXPECT_TRUE(give_back(money_back(2000, "2026-05-12")).ok());
    auto emptied = give_back(money_back(1, "2026-05-12"));
    ASSERT_FALSE(emptied.ok());
    EXPECT_EQ(fields_of(emptied.error()), std::vector<std::string>{"amount"});
    EXPECT_NE(emptied.error().message.find("no money"), std::string::npos);
}

TEST_F(ValuablesStore, TwoReturnsAtOnceCannotBothSpendTheSameMoney) {
    // Two members of staff give back the whole balance at the same moment, many times over: each
    // time exactly one return is saved and the other is told nothing is left. Each has a store of
    // their own (as two servers would), because one store queues its own writers and they would
    // never meet; on PostgreSQL (READ COMMITTED) only the lock on the child's row keeps the second
    // from reading the balance before the first return is committed.
    auto first = open_again(), second = open_again();
    ASSERT_TRUE(first && second);
    constexpr int rounds = 25;
    for (int round = 0; round < rounds; ++round) {
        ASSERT_TRUE(deposit("money", 2000, "Money").ok());
        const Timestamp at = tick();
        std::barrier together(2);
        std::optional<Result<std::int64_t>> outcome[2];
        auto give = [&](int who, db::Database* store) {
            Return r = money_back(2000, "2026-05-12");
            r.returned_to = "Aisha";
            r.returned_by = "Dana Lewis";
            together.arrive_and_wait();
            outcome[who] = store->write(
                [&](db::Connection& c) { return record_return(c, child_, r, as(dana_), at); });
        };
        std::thread a(give, 0, first.get()), b(give, 1, second.get());
        a.join();
        b.join();
        ASSERT_TRUE(outcome[0] && outcome[1]);
        ASSERT_NE(outcome[0]->ok(), outcome[1]->ok())
            << "round " << round << ": both "
            << (outcome[0]->ok() ? "saved"
                                 : "refused: " + outcome[0]->error().message + " / " +
                                       outcome[1]->error().message);
        const auto& refused = outcome[0]->ok() ? *outcome[1] : *outcome[0];
        EXPECT_EQ(fields_of(refused.error()), std::vector<std::string>{"amount"})
            << "round " << round << ": " << refused.error().message << " "
            << refused.error().detail;
        EXPECT_NE(refused.error().message.find("no money"), std::string::npos)
            << "round " << round << ": " << refused.error().message;
    }
    auto ledger = db_->read([&](db::Connection& c) { return ledger_of(c, child_); });
    ASSERT_TRUE(ledger.ok());
    EXPECT_EQ(held(*ledger).money_pence, 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM valuables WHERE entry = 'return' AND child_id = $1"),
              rounds);
}

TEST_F(ValuablesStore, NothingIsDepositedBeforeAdmission) {
    auto early = deposit("money", 100, "Money", "2024-09-01");
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(fields_of(early.error()), std::vector<std::string>{"deposited_on"});
    EXPECT_NE(early.error().message.find("on or after the day they came to live here"),
              std::string::npos);
    EXPECT_TRUE(deposit("money", 100, "Money", "2024-09-02").ok());
}

}  // namespace

}  // namespace valuables_test
