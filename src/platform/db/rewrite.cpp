#include "platform/db/rewrite.hpp"

namespace hearth::db {

std::string to_sqlite_dialect(std::string_view sql) {
    std::string out;
    out.reserve(sql.size());
    bool in_literal = false;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        char c = sql[i];
        if (c == '\'') {
            in_literal = !in_literal;
        }
        if (!in_literal && c == '$' && i + 1 < sql.size() && sql[i + 1] >= '0' &&
            sql[i + 1] <= '9') {
            out.push_back('?');
            continue;
        }
        out.push_back(c);
    }
    static constexpr std::string_view identity = "BIGSERIAL PRIMARY KEY";
    for (auto pos = out.find(identity); pos != std::string::npos; pos = out.find(identity, pos)) {
        out.replace(pos, identity.size(), "INTEGER PRIMARY KEY");
    }
    return out;
}

}  // namespace hearth::db
