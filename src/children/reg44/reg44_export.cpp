#include "children/reg44/reg44_export.hpp"

#include "children/reg44/reg44_consent.hpp"

namespace hearth::children {

namespace {

Result<nlohmann::json> reg44_content(db::Connection& c, std::int64_t child_id) {
    const auto consents = TRY(reg44_consents_of(c, child_id));
    nlohmann::json history = nlohmann::json::array();
    for (const auto& one : consents.history) {
        history.push_back({{"party", one.party},
                           {"party_label", label_in(reg44_parties(), one.party)},
                           {"consents", one.consents},
                           {"given_by", one.given_by},
                           {"given_on", format_date(one.given_on)},
                           {"recorded_by", one.recorded_by},
                           {"recorded_at", format_utc(one.recorded_at)}});
    }
    return nlohmann::json{{"both_consent", consents.both()}, {"history", history}};
}

nlohmann::json reg44_blocks(const nlohmann::json& content) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& one : content.at("history")) {
        rows.push_back({export_blocks::text_of(one, "party_label"),
                        one.value("consents", false) ? "Consents" : "Withdrew or refused",
                        export_blocks::text_of(one, "given_by"),
                        export_blocks::when_of(one, "given_on"),
                        export_blocks::text_of(one, "recorded_by") + ", " +
                            export_blocks::when_of(one, "recorded_at")});
    }
    return nlohmann::json::array(
        {export_blocks::paragraph(
             content.value("both_consent", false)
                 ? "The child and the placing authority both consent: the independent "
                   "person may read this record."
                 : "The independent person may not read this record: the child and the "
                   "placing authority have not both consented."),
         export_blocks::table("Every consent and withdrawal, newest first",
                              {"Whose", "What they said", "Who gave it", "On", "Recorded by"},
                              rows)});
}

}  // namespace

ExportSection reg44_export_section() {
    return {"reg44_consent", "Consent to the independent person reading this record", reg44_content,
            reg44_blocks};
}

}  // namespace hearth::children
