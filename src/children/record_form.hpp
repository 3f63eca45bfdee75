#pragma once
// The pages of the forms about a child's record (child_record_form.mustache): each form is shown
// at the address it posts to, so that after an idle sign-out the kept draft comes back to it.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "platform/http/router.hpp"
#include "platform/views/form_view.hpp"

namespace hearth::children {

struct FormGroup {
    std::string heading;  // may be empty
    std::string hint;
    std::vector<views::FieldSpec> fields;
};

struct RecordForm {
    std::string title;    // the question: "Add someone to Aisha's family list"
    std::string caption;  // the child's name
    std::vector<std::string> intro;
    std::string action;       // where it posts, and where it is shown
    std::string cancel_href;  // back to the page it came from
    std::string submit;
    std::vector<std::pair<std::string, std::string>> hidden;  // name, value
    std::vector<FormGroup> groups;
    // The record as it is now, shown beside the kept form when someone else saved first.
    std::vector<std::pair<std::string, std::string>> conflict_rows;
};

// `values`: the record, what was typed, or a kept draft. An invalid_input error marks its fields;
// a conflict shows conflict_rows. A kept draft is used in place of `values` when there is one.
Result<http::Response> show_record_form(const http::Context& ctx, const RecordForm& form,
                                        nlohmann::json values, const std::optional<Error>& error,
                                        int status);

}  // namespace hearth::children
