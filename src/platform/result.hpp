#pragma once
// One error type for the whole of Hearth. It keeps the message for the person apart from the
// detail for the log, so SQL text and file paths never reach a page.
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace hearth {

enum class ErrorKind {
    invalid_input,    // 400 / 422: the person can fix it
    unauthenticated,  // 401: sign in
    forbidden,        // 403
    not_found,        // 404
    conflict,         // 409: someone else changed the record first
    too_large,        // 413
    throttled,        // 429
    unavailable,      // 503: try again shortly
    internal,         // 500: our fault
};

struct FieldError {
    std::string field;
    std::string message;
};

struct Error {
    ErrorKind kind = ErrorKind::internal;
    std::string message;             // safe to show to the person
    std::vector<FieldError> fields;  // for invalid_input: one entry per field at fault
    std::string detail;              // for the log only
    std::string code;                // the API's error code when it says more than the kind's, as
                                     // "password_change_required" does for a 403

    static Error invalid(std::string field, std::string message) {
        Error e{ErrorKind::invalid_input, message, {}, {}};
        e.fields.push_back({std::move(field), std::move(message)});
        return e;
    }
    static Error invalid_fields(std::vector<FieldError> fields) {
        std::string first = fields.empty() ? "There is a problem" : fields.front().message;
        return Error{ErrorKind::invalid_input, std::move(first), std::move(fields), {}};
    }
    static Error make(ErrorKind kind, std::string message, std::string detail = {}) {
        return Error{kind, std::move(message), {}, std::move(detail)};
    }
    static Error internal(std::string detail) {
        return Error{
            ErrorKind::internal, "Something went wrong on our side", {}, std::move(detail)};
    }
    static Error not_found(std::string what) {
        return Error{ErrorKind::not_found, std::move(what), {}, {}};
    }
    static Error conflict(std::string message) {
        return Error{ErrorKind::conflict, std::move(message), {}, {}};
    }
};

// Fallible work returns a Result; TRY passes an error up unchanged.
template <typename T>
class [[nodiscard]] Result {
  public:
    Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
    Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    T release_value() { return std::get<0>(std::move(v_)); }
    const Error& error() const { return std::get<1>(v_); }
    Error&& take_error() { return std::get<1>(std::move(v_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }

  private:
    std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
  public:
    Result() = default;
    Result(Error error)
        : error_(std::move(error)), failed_(true) {}  // NOLINT(google-explicit-constructor)
    bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return error_; }
    Error&& take_error() { return std::move(error_); }
    void release_value() {}

  private:
    Error error_;
    bool failed_ = false;
};

using Status = Result<void>;

}  // namespace hearth

#define HEARTH_CONCAT_INNER(a, b) a##b
#define HEARTH_CONCAT(a, b) HEARTH_CONCAT_INNER(a, b)

// TRY(expr) is the value of a Result, or returns its error from the enclosing function: an
// expression, so `auto x = TRY(f());`, `use(TRY(f()));` and, for a Status, `TRY(g());` all read
// alike. A GNU statement expression (as SerenityOS's AK does it); __extension__ keeps -Wpedantic
// quiet about it, and GCC and Clang both accept it.
#define TRY(expr)                                                 \
    __extension__({                                               \
        auto HEARTH_CONCAT(try_, __LINE__) = (expr);              \
        if (!HEARTH_CONCAT(try_, __LINE__).ok()) {                \
            return HEARTH_CONCAT(try_, __LINE__).take_error();    \
        }                                                         \
        std::move(HEARTH_CONCAT(try_, __LINE__)).release_value(); \
    })
