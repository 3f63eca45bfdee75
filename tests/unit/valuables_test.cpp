// Money and valuables kept safe for a child: pounds and pence read and shown exactly, a ledger
// that never gives back more than it holds (on the return's day or any day after), and each
// entry written with its chronology and audit entries, or not at all.
#include "children/valuables/valuables.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "case_record_fixture.hpp"
#include "children/valuables/valuables_store.hpp"

using namespace hearth;
using namespace hearth::children;
using hearth::testing::fields_of;
using hearth::testing::form_of;

namespace {

const Date today = *parse_date("2026-05-12");

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
    EXPECT_NE(r.error().message.find("no money"), std::string::npos);
    // Money deposited after the return's date was not held on that day.
    auto early =
        check_return({money(1, "deposit", 2000, "2026-05-05")}, money_back(100, "2026-05-04"));
    EXPECT_FALSE(early.ok());
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
    EXPECT_NE(r.error().message.find("£5.00"), std::string::npos) << r.error().message;
    // A deposit later on does not pay for an earlier return: the balance would dip below nothing
    // between the two.
    const std::vector<LedgerEntry> refilled{money(1, "deposit", 1000, "2026-05-01"),
                                            money(2, "deposit", 5000, "2026-05-20")};
    EXPECT_FALSE(check_return(refilled, money_back(2000, "2026-05-06")).ok());
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
    r.on = *parse_date("2026-05-04");
    r.item_id = 99;
    EXPECT_EQ(fields_of(check_return(ledger, r).error()), std::vector<std::string>{"item"});
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
    EXPECT_NE(twice.error().message.find("already been returned"), std::string::npos);
    // Money is not an item.
    ledger.push_back(money(3, "deposit", 100, "2026-05-01"));
    r.item_id = 3;
    EXPECT_FALSE(check_return(ledger, r).ok());
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
    fields.erase("amount");
    EXPECT_EQ(fields_of(deposit_form(fields).error()), std::vector<std::string>{"amount"});
    fields["amount"] = "twenty";
    auto words = deposit_form(fields);
    EXPECT_EQ(fields_of(words.error()), std::vector<std::string>{"amount"});
    EXPECT_NE(words.error().message.find("pounds and pence"), std::string::npos);
    fields["amount"] = "0";
    EXPECT_EQ(fields_of(deposit_form(fields).error()), std::vector<std::string>{"amount"});
    fields["amount"] = "1,000,000.01";
    EXPECT_EQ(fields_of(deposit_form(fields).error()), std::vector<std::string>{"amount"});

    fields = good_deposit();
    fields["what"] = "item";
    auto item = deposit_form(fields);
    EXPECT_EQ(fields_of(item.error()), (std::vector<std::string>{"description", "amount"}));
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
    auto fields = good_deposit();
    fields["deposited_on"] = "2026-05-13";
    fields["what"] = "jewels";
    EXPECT_EQ(fields_of(deposit_form(fields).error()),
              (std::vector<std::string>{"what", "deposited_on"}));
}

Result<Return> return_form(std::map<std::string, std::string> fields) {
    auto form = form_of(fields);
    http::FormReader reader(form);
    return read_return(reader, today);
}

TEST(ReturnForm, MoneyOrAnItemButNotBoth) {
    std::map<std::string, std::string> fields{{"what", "money"},
                                              {"amount", "5"},
                                              {"returned_on", "2026-05-12"},
                                              {"returned_to", "Aisha"},
                                              {"returned_by", "Dana Lewis"}};
    auto ok = return_form(fields);
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    EXPECT_EQ(ok->amount_pence, 500);
    fields["item"] = "3";
    EXPECT_EQ(fields_of(return_form(fields).error()), std::vector<std::string>{"item"});
    fields["what"] = "item";
    EXPECT_EQ(fields_of(return_form(fields).error()), std::vector<std::string>{"amount"});
    fields.erase("amount");
    auto item = return_form(fields);
    ASSERT_TRUE(item.ok()) << item.error().message;
    EXPECT_EQ(item->item_id, 3);
    fields.erase("item");
    EXPECT_EQ(fields_of(return_form(fields).error()), std::vector<std::string>{"item"});
    auto none = return_form({});
    EXPECT_EQ(fields_of(none.error()),
              (std::vector<std::string>{"what", "returned_on", "returned_to", "returned_by"}));
}

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
    EXPECT_EQ(count("SELECT COUNT(*) FROM valuables WHERE child_id = $1"), entries);
    EXPECT_EQ(count("SELECT COUNT(*) FROM chronology WHERE child_id = $1"), chronology);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE child_id = $1"), audit);
    EXPECT_TRUE(give_back(money_back(2000, "2026-05-12")).ok());
    EXPECT_FALSE(give_back(money_back(1, "2026-05-12")).ok());
}

TEST_F(ValuablesStore, TwoReturnsAtOnceCannotBothSpendTheSameMoney) {
    // Two members of staff give back the whole balance at the same moment, several times over:
    // each time exactly one is saved (PostgreSQL runs at READ COMMITTED, so this needs the lock).
    for (int round = 0; round < 5; ++round) {
        ASSERT_TRUE(deposit("money", 2000, "Money").ok());
        std::atomic<int> ready{0}, saved{0}, refused{0};
        auto give = [&] {
            Return r = money_back(2000, "2026-05-12");
            r.returned_to = "Aisha";
            r.returned_by = "Dana Lewis";
            ++ready;
            while (ready < 2) {
            }
            auto id = db_->write(
                [&](db::Connection& c) { return record_return(c, child_, r, as(dana_), now_); });
            ++(id.ok() ? saved : refused);
        };
        std::thread a(give), b(give);
        a.join();
        b.join();
        EXPECT_EQ(saved, 1) << "round " << round;
        EXPECT_EQ(refused, 1) << "round " << round;
    }
    auto ledger = db_->read([&](db::Connection& c) { return ledger_of(c, child_); });
    EXPECT_EQ(held(*ledger).money_pence, 0);
}

TEST_F(ValuablesStore, NothingIsDepositedBeforeAdmission) {
    auto early = deposit("money", 100, "Money", "2024-09-01");
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(fields_of(early.error()), std::vector<std::string>{"deposited_on"});
    EXPECT_TRUE(deposit("money", 100, "Money", "2024-09-02").ok());
}

}  // namespace
