// The one way input is bound and checked: forms and JSON bodies become FormData, and a
// FormReader names every field at fault.
#include "platform/http/form.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

// Each test file's own names, apart from the others built beside it (tests/CMakeLists.txt).
namespace form_test {

using namespace hearth;
using hearth::http::FormData;
using hearth::http::FormReader;
using hearth::http::FormValue;
using hearth::testing::date;
using hearth::testing::fields_of;
using hearth::testing::message_at;

namespace {

FormData form(std::string_view body) {
    auto f = FormData::from_urlencoded(body);
    EXPECT_TRUE(f.ok()) << (f.ok() ? "" : f.error().message);
    return f.ok() ? f.value() : FormData{};
}

FormData json(std::string_view body) {
    auto f = FormData::from_json(body);
    EXPECT_TRUE(f.ok()) << (f.ok() ? "" : f.error().message);
    return f.ok() ? f.value() : FormData{};
}

TEST(FormData, DecodesUrlEncodedPairs) {
    FormData f =
        form("first_name=Aisha&last_name=Bennett+Smith&note=caf%C3%A9%20%26%20more&empty=&bare");
    EXPECT_EQ(f.get("first_name"), "Aisha");
    EXPECT_EQ(f.get("last_name"), "Bennett Smith");
    EXPECT_EQ(f.get("note"), "café & more");
    ASSERT_NE(f.find("empty"), nullptr);
    EXPECT_EQ(f.get("empty"), "");
    ASSERT_NE(f.find("bare"), nullptr);
    EXPECT_EQ(f.find("missing"), nullptr);
}

TEST(FormData, RepeatedNamesBecomeAList) {
    FormData f = form("key_workers=5&key_workers=6&key_workers=9&single=1");
    const FormValue* v = f.find("key_workers");
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(v->type, FormValue::Type::list);
    EXPECT_EQ(v->list, (std::vector<std::string>{"5", "6", "9"}));
    EXPECT_EQ(f.typed_values()["key_workers"], nlohmann::json({"5", "6", "9"}));
    EXPECT_EQ(f.typed_values()["single"], "1");

    FormReader r(f);
    r.allow("single");
    EXPECT_EQ(r.ids("key_workers", "Key workers"), (std::vector<std::int64_t>{5, 6, 9}));
    EXPECT_TRUE(r.finish().ok());
}

TEST(FormData, TheCsrfTokenIsAcceptedWithoutAskingAndAnUnknownFieldIsNot) {
    FormData f = form("csrf_token=abc123&first_name=Aisha&nickname=Ash");
    FormReader r(f);
    r.text("first_name", "First name", {.required = true});
    Status s = r.finish();
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(fields_of(s), std::vector<std::string>{"nickname"});
}

TEST(FormData, ARepeatedScalarIsRefusedNotSilentlyPicked) {
    FormData f = form("first_name=Aisha&first_name=Kai");
    FormReader r(f);
    r.text("first_name", "First name", {.required = true});
    Status s = r.finish();
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(fields_of(s), std::vector<std::string>{"first_name"});
    EXPECT_NE(message_at(s, "first_name").find("single value"), std::string::npos);
}

TEST(FormData, BadPercentEscapesAreRefused) {
    for (const char* body : {"name=%", "name=%4", "name=%G1", "na%zzme=x", "a=1&b=%%"}) {
        auto f = FormData::from_urlencoded(body);
        ASSERT_FALSE(f.ok()) << body;
        EXPECT_EQ(f.error().kind, ErrorKind::invalid_input) << body;
        EXPECT_NE(f.error().message.find("% escape"), std::string::npos) << body;
    }
}

TEST(FormData, InvalidUtf8IsRefused) {
    for (const char* body : {"name=%FF", "name=%C3", "name=%C0%AF", "name=%ED%A0%80", "%FE=x"}) {
        auto f = FormData::from_urlencoded(body);
        ASSERT_FALSE(f.ok()) << body;
        EXPECT_NE(f.error().message.find("UTF-8"), std::string::npos) << body;
    }
    auto j = FormData::from_json("{\"name\":\"\xff\"}");
    ASSERT_FALSE(j.ok());
    EXPECT_NE(j.error().message.find("UTF-8"), std::string::npos);
}

TEST(FormData, MalformedJsonIsRefused) {
    for (const char* body : {"", "{", "{\"a\":}", "{\"a\":1}x"}) {
        auto f = FormData::from_json(body);
        ASSERT_FALSE(f.ok()) << body;
        EXPECT_EQ(f.error().kind, ErrorKind::invalid_input) << body;
        EXPECT_NE(f.error().message.find("not valid JSON"), std::string::npos)
            << body << ": " << f.error().message;
    }
    for (const char* body : {"[1,2]", "\"text\"", "42"}) {
        auto f = FormData::from_json(body);
        ASSERT_FALSE(f.ok()) << body;
        EXPECT_EQ(f.error().kind, ErrorKind::invalid_input) << body;
        EXPECT_NE(f.error().message.find("must be a JSON object"), std::string::npos)
            << body << ": " << f.error().message;
    }
    auto nested = FormData::from_json(R"({"first_name":{"given":"Aisha"}})");
    ASSERT_FALSE(nested.ok());
    ASSERT_FALSE(nested.error().fields.empty());
    EXPECT_EQ(nested.error().fields.front().field, "first_name");
    EXPECT_NE(nested.error().message.find("must not be an object"), std::string::npos);
    auto bad_list = FormData::from_json(R"({"key_workers":[1,{"id":2}]})");
    ASSERT_FALSE(bad_list.ok());
    EXPECT_EQ(bad_list.error().fields.front().field, "key_workers");
    EXPECT_NE(bad_list.error().message.find("must be a list of text or whole numbers"),
              std::string::npos);
}

TEST(FormData, JsonWrongTypesNameTheField) {
    FormData f = json(R"({"first_name": 42, "last_name": true, "version": "x", "flag": "maybe",
                          "ids": ["1", "two"], "sex": "unknown"})");
    FormReader r(f);
    r.text("first_name", "First name");
    r.text("last_name", "Last name");
    r.integer("version", "Version", true, 1, 100);
    r.flag("flag", "Flag");
    r.ids("ids", "Key workers");
    r.choice("sex", "sex", {"female", "male"}, true);
    Status s = r.finish();
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(fields_of(s), (std::vector<std::string>{"first_name", "last_name", "version", "flag",
                                                      "ids", "sex"}));
    EXPECT_EQ(message_at(s, "first_name"), "First name must be text");
    EXPECT_EQ(message_at(s, "last_name"), "Last name must be text");
    EXPECT_EQ(message_at(s, "version"), "Version must be a whole number");
    EXPECT_EQ(message_at(s, "flag"), "Flag must be yes or no");
    EXPECT_EQ(message_at(s, "ids"), "Key workers must be chosen from the list");
    EXPECT_EQ(message_at(s, "sex"), "Select sex from the list");
    EXPECT_EQ(s.error().kind, ErrorKind::invalid_input);
}

TEST(FormData, JsonNumbersAndNullsWhereTheyBelong) {
    FormData f =
        json(R"({"version": 3, "preferred_name": null, "key_workers": [5, "6"], "ok": true})");
    FormReader r(f);
    EXPECT_EQ(r.integer("version", "Version", true, 1, 100), 3);
    EXPECT_EQ(r.text("preferred_name", "Preferred name"), "");
    EXPECT_EQ(r.ids("key_workers", "Key workers"), (std::vector<std::int64_t>{5, 6}));
    EXPECT_TRUE(r.flag("ok", "OK"));
    EXPECT_TRUE(r.finish().ok());

    // A boolean is not a number, and a number is not a date.
    FormData g = json(R"({"version": true, "date_of_birth": 20120327})");
    FormReader r2(g);
    EXPECT_FALSE(r2.integer("version", "Version", true, 1, 100).has_value());
    EXPECT_FALSE(r2.date("date_of_birth", "Date of birth").has_value());
    Status wrong = r2.finish();
    EXPECT_EQ(fields_of(wrong), (std::vector<std::string>{"version", "date_of_birth"}));
    EXPECT_EQ(message_at(wrong, "version"), "Version must be a whole number");
    EXPECT_EQ(message_at(wrong, "date_of_birth"),
              "Date of birth must be a date written as YYYY-MM-DD");
}

TEST(FormReader, UnknownFieldsAreReportedByFinish) {
    FormData f = form(
        "first_name=Aisha&is_admin=yes&date_of_birth-day=1&date_of_birth-month=2"
        "&date_of_birth-year=2012&colour-day=3&date_of_birth-day-day=7");
    FormReader r(f);
    r.text("first_name", "First name");
    r.date("date_of_birth", "Date of birth");
    Status s = r.finish();
    ASSERT_FALSE(s.ok());
    // A part of a part is no part of anything (found by tests/fuzz/read_as_page.cpp).
    EXPECT_EQ(fields_of(s),
              (std::vector<std::string>{"colour-day", "date_of_birth-day-day", "is_admin"}));
    EXPECT_EQ(message_at(s, "is_admin"), "is_admin is not a field Hearth knows here");

    FormReader allowed(f);
    allowed.text("first_name", "First name");
    allowed.date("date_of_birth", "Date of birth");
    allowed.allow("is_admin");
    allowed.allow("colour");
    allowed.allow("date_of_birth-day-day");
    EXPECT_TRUE(allowed.finish().ok());
}

TEST(FormReader, RequiredTextAndLengthCountCharactersNotBytes) {
    FormData f = form("blank=+++&ok=%C3%A9%C3%A9%C3%A9&long=abcdef");
    FormReader r(f);
    EXPECT_EQ(r.text("blank", "your name", {.required = true}), "");
    EXPECT_EQ(r.text("ok", "Initials", {.max = 3}), "ééé");  // 6 bytes, 3 characters
    r.text("long", "Initials", {.max = 5});
    r.text("absent", "a reason", {.required = true});
    Status s = r.finish();
    EXPECT_EQ(fields_of(s), (std::vector<std::string>{"blank", "long", "absent"}));
    EXPECT_EQ(message_at(s, "blank"), "Enter your name");
    EXPECT_EQ(message_at(s, "long"), "Initials must be 5 characters or fewer");
    EXPECT_EQ(message_at(s, "absent"), "Enter a reason");
}

TEST(FormReader, OverLongTextIsRefusedAndTrimmedTextCounts) {
    std::string body = "note=" + std::string(201, 'a') + "&edge=" + std::string(200, 'b') +
                       "&padded=++" + std::string(200, 'c') + "++";
    FormData f = form(body);
    FormReader r(f);
    r.text("note", "Note");
    EXPECT_EQ(r.text("edge", "Edge").size(), 200u);
    EXPECT_EQ(r.text("padded", "Padded").size(), 200u);
    Status s = r.finish();
    EXPECT_EQ(fields_of(s), std::vector<std::string>{"note"});
    EXPECT_EQ(message_at(s, "note"), "Note must be 200 characters or fewer");
}

TEST(FormReader, ControlCharactersAreRefusedButNewlinesAllowedInMultiline) {
    FormData f =
        form("one=a%00b&two=a%1Bb&three=line1%0D%0Aline2%09tab&four=line1%0Aline2&five=del%7F");
    FormReader r(f);
    r.text("one", "One");
    r.text("two", "Two");
    EXPECT_EQ(r.text("three", "Three", {.multiline = true}), "line1\nline2\ttab");  // CRLF made LF
    r.text("four", "Four");  // a newline in a single-line field
    r.text("five", "Five");
    Status s = r.finish();
    EXPECT_EQ(fields_of(s), (std::vector<std::string>{"one", "two", "four", "five"}));
    for (const char* field : {"one", "two", "four", "five"}) {
        EXPECT_NE(message_at(s, field).find("contains characters that cannot be shown"),
                  std::string::npos)
            << field << ": " << message_at(s, field);
    }
}

TEST(FormReader, DatesFromSplitFieldsAndIso) {
    FormData f = form(
        "dob-day=7&dob-month=3&dob-year=2012&iso=2012-03-27&padded-day=+07+&padded-month=03"
        "&padded-year=2012");
    FormReader r(f);
    EXPECT_EQ(r.date("dob", "Date of birth"), date("2012-03-07"));
    EXPECT_EQ(r.date("iso", "Date"), date("2012-03-27"));
    EXPECT_EQ(r.date("padded", "Date"), date("2012-03-07"));
    EXPECT_TRUE(r.finish().ok());

    FormData j = json(R"({"date_of_birth": "2012-03-27"})");
    FormReader rj(j);
    EXPECT_EQ(rj.date("date_of_birth", "date of birth"), date("2012-03-27"));
    EXPECT_TRUE(rj.finish().ok());
}

TEST(FormReader, ImpossibleAndPartialDatesAreRefused) {
    FormData f = form(
        "a=2023-02-30&b-day=31&b-month=4&b-year=2020&c-day=1&c-month=&c-year=2020"
        "&d=27/03/2012&e-day=x&e-month=1&e-year=2020&f=2023-02-29");
    FormReader r(f);
    EXPECT_FALSE(r.date("a", "Date A").has_value());
    EXPECT_FALSE(r.date("b", "Date B").has_value());
    EXPECT_FALSE(r.date("c", "Date C").has_value());
    EXPECT_FALSE(r.date("d", "Date D").has_value());
    EXPECT_FALSE(r.date("e", "Date E").has_value());
    EXPECT_FALSE(r.date("f", "Date F").has_value());
    Status s = r.finish();
    EXPECT_EQ(fields_of(s), (std::vector<std::string>{"a", "b", "c", "d", "e", "f"}));
    EXPECT_EQ(message_at(s, "a"), "Date A must be a real date, in a year from 1900 to 2199");
    EXPECT_EQ(message_at(s, "b"), "Date B must be a real date, in a year from 1900 to 2199");
    EXPECT_EQ(message_at(s, "c"), "Date C must include a day, month and year");
    EXPECT_EQ(message_at(s, "d"), "Date D must be a real date, in a year from 1900 to 2199");
    EXPECT_EQ(message_at(s, "e"), "Date E must be a real date, in a year from 1900 to 2199");
    EXPECT_EQ(message_at(s, "f"), "Date F must be a real date, in a year from 1900 to 2199");
}

TEST(FormReader, RequiredDateAndAllBlankSplitDate) {
    FormData f = form("dob-day=&dob-month=&dob-year=&other-day=&other-month=&other-year=");
    FormReader r(f);
    EXPECT_FALSE(r.date("dob", "date of birth", {.required = true}).has_value());
    EXPECT_FALSE(r.date("other", "Other date").has_value());  // optional and blank: fine
    Status s = r.finish();
    EXPECT_EQ(fields_of(s), std::vector<std::string>{"dob"});
    EXPECT_EQ(message_at(s, "dob"), "Enter date of birth");
}

TEST(FormReader, FutureDateRefusedWithNotAfter) {
    const Date today = date("2026-05-12");
    FormData f = form("tomorrow=2026-05-13&today=2026-05-12&early=1999-12-31");
    FormReader r(f);
    EXPECT_FALSE(r.date("tomorrow", "Date of birth", {.not_after = today, .after_label = "today"})
                     .has_value());
    EXPECT_EQ(r.date("today", "Date of birth", {.not_after = today, .after_label = "today"}),
              today);
    EXPECT_FALSE(r.date("early", "Start", {.not_before = date("2000-01-01")}).has_value());
    Status s = r.finish();
    EXPECT_EQ(fields_of(s), (std::vector<std::string>{"tomorrow", "early"}));
    EXPECT_EQ(message_at(s, "tomorrow"), "Date of birth must be today or earlier");
    EXPECT_NE(message_at(s, "early").find("on or after"), std::string::npos);
}

TEST(FormReader, IntegersChoicesFlagsAndIds) {
    FormData f = form(
        "v=12&big=99999999999999999999&low=0&word=ten&sex=male&bad=robot&yes=on&odd=perhaps"
        "&ids=3&ids=-1");
    FormReader r(f);
    EXPECT_EQ(r.integer("v", "Version", true, 1, 100), 12);
    EXPECT_FALSE(r.integer("big", "Big", true, 1, 100).has_value());
    EXPECT_FALSE(r.integer("low", "Low", true, 1, 100).has_value());
    EXPECT_FALSE(r.integer("word", "Word", true, 1, 100).has_value());
    EXPECT_EQ(r.choice("sex", "sex", {"female", "male"}, true), "male");
    EXPECT_EQ(r.choice("bad", "sex", {"female", "male"}, true), "");
    EXPECT_TRUE(r.flag("yes", "Yes"));
    EXPECT_FALSE(r.flag("odd", "Odd"));
    EXPECT_TRUE(r.ids("ids", "Key workers").empty());
    Status s = r.finish();
    EXPECT_EQ(fields_of(s), (std::vector<std::string>{"big", "low", "word", "bad", "odd", "ids"}));
    EXPECT_EQ(message_at(s, "big"), "Big must be a whole number");
    EXPECT_EQ(message_at(s, "low"), "Low must be between 1 and 100");
    EXPECT_EQ(message_at(s, "word"), "Word must be a whole number");
    EXPECT_EQ(message_at(s, "bad"), "Select sex from the list");
    EXPECT_EQ(message_at(s, "odd"), "Odd must be yes or no");
    EXPECT_EQ(message_at(s, "ids"), "Key workers must be chosen from the list");
}

TEST(FormData, FromRequestChoosesByContentType) {
    http::Request req;
    req.method = "POST";
    req.headers["content-type"] = "application/x-www-form-urlencoded; charset=UTF-8";
    req.body = "a=1";
    auto f = FormData::from_request(req);
    ASSERT_TRUE(f.ok());
    EXPECT_EQ(f->get("a"), "1");

    req.headers["content-type"] = "application/json";
    req.body = R"({"a":"2"})";
    f = FormData::from_request(req);
    ASSERT_TRUE(f.ok());
    EXPECT_EQ(f->get("a"), "2");

    req.headers["content-type"] = "text/plain";
    req.body = "a=3";
    f = FormData::from_request(req);
    ASSERT_FALSE(f.ok());
    EXPECT_EQ(f.error().detail, "415");
}

}  // namespace

TEST(FormReader, ADateAboutAChildIsNotBeforeTheyWereBorn) {
    FormData f = form("before=2012-03-26&born=2012-03-27&day=2012-03-28&when=2012-03-26&at=10:00");
    FormReader r(f);
    r.about_child(date("2012-03-27"));
    EXPECT_FALSE(r.date("before", "the day it happened").has_value());
    EXPECT_EQ(r.date("born", "the day it happened"), date("2012-03-27"));
    EXPECT_EQ(r.date("day", "the day it happened"), date("2012-03-28"));
    EXPECT_FALSE(r.moment("when", "the day it happened", "at", "the time it happened",
                          *parse_utc("2026-05-12T12:00:00Z"))
                     .has_value());
    Status s = r.finish();
    EXPECT_EQ(fields_of(s), (std::vector<std::string>{"before", "when"}));
    EXPECT_EQ(message_at(s, "before"),
              "The day it happened must be on or after 27 March 2012, the day they were born");
}

}  // namespace form_test
