#include <charconv>

#include "platform/db/database.hpp"

namespace hearth::db {

std::int64_t Row::integer(std::size_t i) const {
    const Value& v = cells_.at(i);
    if (auto p = std::get_if<std::int64_t>(&v)) {
        return *p;
    }
    if (auto p = std::get_if<double>(&v)) {
        return static_cast<std::int64_t>(*p);
    }
    if (auto p = std::get_if<std::string>(&v)) {
        std::int64_t out = 0;
        std::from_chars(p->data(), p->data() + p->size(), out);
        return out;
    }
    return 0;
}

double Row::real(std::size_t i) const {
    const Value& v = cells_.at(i);
    if (auto p = std::get_if<double>(&v)) {
        return *p;
    }
    if (auto p = std::get_if<std::int64_t>(&v)) {
        return static_cast<double>(*p);
    }
    if (auto p = std::get_if<std::string>(&v)) {
        return std::stod(*p);
    }
    return 0;
}

std::string Row::text(std::size_t i) const {
    const Value& v = cells_.at(i);
    if (auto p = std::get_if<std::string>(&v)) {
        return *p;
    }
    if (auto p = std::get_if<std::int64_t>(&v)) {
        return std::to_string(*p);
    }
    if (auto p = std::get_if<double>(&v)) {
        return std::to_string(*p);
    }
    return {};
}

std::optional<std::string> Row::optional_text(std::size_t i) const {
    if (is_null(i)) {
        return std::nullopt;
    }
    return text(i);
}

std::optional<std::int64_t> Row::optional_integer(std::size_t i) const {
    if (is_null(i)) {
        return std::nullopt;
    }
    return integer(i);
}

Result<std::optional<Row>> Connection::query_one(std::string_view sql, const Params& params) {
    auto rows = TRY(query(sql, params));
    if (rows.empty()) {
        return std::optional<Row>{};
    }
    return std::optional<Row>{std::move(rows.front())};
}

Status Connection::run(std::string_view sql, const Params& params) {
    TRY(execute(sql, params));
    return {};
}

Result<std::int64_t> Connection::insert(std::string_view sql, const Params& params) {
    auto rows = TRY(query(sql, params));
    if (rows.empty()) {
        return Error::internal("INSERT ... RETURNING gave no row");
    }
    return rows.front().integer(0);
}

}  // namespace hearth::db
