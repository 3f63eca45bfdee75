#include "team/training.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "intervention/figures.hpp"
#include "platform/months.hpp"

namespace hearth::team {

namespace {

// Nobody's training record goes back further than a working life.
constexpr int oldest_training_years = 60;

Date training_days_after(Date day, int days) {
    return Date{std::chrono::sys_days{day} + std::chrono::days{days}};
}

std::string cell_text(const MatrixCell& c) {
    switch (c.cell) {
        case Cell::current:
        case Cell::due_soon:
        case Cell::expired:
            return c.expires_on ? fmt::format("{} (expires {})", cell_label(c.cell),
                                              format_date(*c.expires_on))
                                : cell_label(c.cell);
        case Cell::not_yet_due:
            return fmt::format("Due by {}", format_date(*c.due_by));
        case Cell::missing:
        case Cell::not_required:
            return cell_label(c.cell);
    }
    return "";
}

}  // namespace

std::optional<Date> expiry_of(const Course& course, Date completed) {
    if (!course.valid_months) {
        return std::nullopt;
    }
    return add_months(completed, *course.valid_months);
}

Result<TrainingInput> read_training(http::FormReader& form, const std::vector<Course>& programme,
                                    std::int64_t person_id, Date today) {
    std::vector<std::string> keys;
    for (const auto& c : programme) {
        keys.push_back(c.key);
    }
    TrainingInput in;
    in.person_id = person_id;
    in.course_key = form.choice("course", "the course", keys, true);
    const Date oldest = today - std::chrono::years{oldest_training_years};
    auto completed = form.date("completed_on", "the day they completed it",
                               {.required = true,
                                .not_after = today,
                                .not_before = oldest.ok() ? oldest : Date{},
                                .after_label = "today"});
    in.provider = form.text("provider", "who provided it", {.required = true, .max = 200});
    in.certificate = form.text("certificate", "the certificate's number", {.max = 100});
    auto expires = form.date("expires_on", "the day it expires");
    if (completed && expires && *expires <= *completed) {
        form.fail("expires_on", "The day it expires must be after the day they completed it");
    }
    TRY(form.finish());
    in.completed_on = *completed;
    const Course* course = find_course(programme, in.course_key);
    in.expires_on = expires ? expires : expiry_of(*course, in.completed_on);
    return in;
}

std::string cell_key(Cell c) {
    switch (c) {
        case Cell::current:
            return "current";
        case Cell::due_soon:
            return "due_soon";
        case Cell::expired:
            return "expired";
        case Cell::missing:
            return "missing";
        case Cell::not_yet_due:
            return "not_yet_due";
        case Cell::not_required:
            return "not_required";
    }
    return "";
}

std::string cell_label(Cell c) {
    switch (c) {
        case Cell::current:
            return "Current";
        case Cell::due_soon:
            return "Due soon";
        case Cell::expired:
            return "Expired";
        case Cell::missing:
            return "Missing";
        case Cell::not_yet_due:
            return "New starter";
        case Cell::not_required:
            return "Not required";
    }
    return "";
}

MatrixCell cell_for(const MatrixPerson& person, const Course& course,
                    const std::optional<Completion>& latest, Date today) {
    MatrixCell out;
    if (latest) {
        out.completed_on = latest->completed_on;
        out.expires_on = latest->expires_on;
        if (!latest->expires_on || *latest->expires_on >= today) {
            const bool soon = latest->expires_on && std::chrono::sys_days{*latest->expires_on} -
                                                            std::chrono::sys_days{today} <=
                                                        training_due_within;
            out.cell = soon ? Cell::due_soon : Cell::current;
        } else {
            out.cell = Cell::expired;
        }
        if (!required_of(course, person.roles) && out.cell != Cell::current) {
            out.cell = Cell::not_required;
        }
        return out;
    }
    if (!required_of(course, person.roles)) {
        return out;
    }
    if (person.started_on) {
        const Date due = training_days_after(*person.started_on, course.within_days);
        if (due >= today) {
            out.cell = Cell::not_yet_due;
            out.due_by = due;
            return out;
        }
    }
    out.cell = Cell::missing;
    return out;
}

Matrix build_matrix(std::vector<MatrixPerson> people, std::vector<Course> courses,
                    const std::vector<Completion>& completions, Date today) {
    std::map<std::pair<std::int64_t, std::string>, const Completion*> latest;
    for (const auto& c : completions) {
        auto& slot = latest[{c.person_id, c.course_key}];
        if (!slot || slot->completed_on < c.completed_on) {
            slot = &c;
        }
    }
    Matrix m;
    m.courses = std::move(courses);
    m.people = std::move(people);
    m.per_course.resize(m.courses.size());
    m.cells.reserve(m.people.size());
    for (const auto& p : m.people) {
        std::vector<MatrixCell> row;
        row.reserve(m.courses.size());
        auto& home = m.per_home[p.home_id];
        for (std::size_t i = 0; i < m.courses.size(); ++i) {
            const auto& course = m.courses[i];
            auto found = latest.find({p.person_id, course.key});
            const auto cell = cell_for(
                p, course,
                found == latest.end() ? std::nullopt : std::optional<Completion>{*found->second},
                today);
            if (required_of(course, p.roles) && cell.cell != Cell::not_yet_due) {
                const int ok = cell.cell == Cell::current || cell.cell == Cell::due_soon ? 1 : 0;
                for (Share* s : {&m.per_course[i], &home, &m.overall}) {
                    s->required += 1;
                    s->compliant += ok;
                }
            }
            row.push_back(cell);
        }
        m.cells.push_back(std::move(row));
    }
    return m;
}

std::string matrix_csv(const Matrix& m) {
    using intervention::csv_field;
    std::string out = "Name,Home";
    for (const auto& c : m.courses) {
        out += "," + csv_field(c.name);
    }
    out += "\r\n";
    for (std::size_t p = 0; p < m.people.size(); ++p) {
        out += csv_field(m.people[p].name) + "," + csv_field(m.people[p].home_name);
        for (const auto& cell : m.cells[p]) {
            out += "," + csv_field(cell_text(cell));
        }
        out += "\r\n";
    }
    out += "Compliant,";
    for (const auto& s : m.per_course) {
        out += fmt::format(",{}%", s.percent());
    }
    out += "\r\n";
    return out;
}

Result<std::string> matrix_xlsx(const Matrix& m, const std::string& title) {
    // libxlsxwriter writes to a file: a private one in the temporary folder, read back and removed.
    const char* tmp = std::getenv("TMPDIR");
    std::string path = std::string(tmp && *tmp ? tmp : "/tmp") + "/hearth-matrix-XXXXXX";
    const int fd = mkstemp(path.data());
    if (fd < 0) {
        return Error::internal("could not make a temporary file for the spreadsheet");
    }
    close(fd);
    lxw_workbook* book = workbook_new(path.c_str());
    if (!book) {
        std::filesystem::remove(path);
        return Error::internal("could not start the spreadsheet");
    }
    lxw_worksheet* sheet = workbook_add_worksheet(book, "Training matrix");
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_format* red = workbook_add_format(book);
    format_set_bg_color(red, 0xF4CCCC);
    lxw_format* amber = workbook_add_format(book);
    format_set_bg_color(amber, 0xFFF2CC);
    lxw_format* green = workbook_add_format(book);
    format_set_bg_color(green, 0xD9EAD3);
    worksheet_write_string(sheet, 0, 0, title.c_str(), bold);
    worksheet_write_string(sheet, 2, 0, "Name", bold);
    worksheet_write_string(sheet, 2, 1, "Home", bold);
    worksheet_set_column(sheet, 0, 1, 24, nullptr);
    worksheet_set_column(sheet, 2, static_cast<lxw_col_t>(m.courses.size() + 1), 18, nullptr);
    for (std::size_t c = 0; c < m.courses.size(); ++c) {
        worksheet_write_string(sheet, 2, static_cast<lxw_col_t>(c + 2), m.courses[c].name.c_str(),
                               bold);
    }
    for (std::size_t p = 0; p < m.people.size(); ++p) {
        const auto row = static_cast<lxw_row_t>(p + 3);
        worksheet_write_string(sheet, row, 0, m.people[p].name.c_str(), nullptr);
        worksheet_write_string(sheet, row, 1, m.people[p].home_name.c_str(), nullptr);
        for (std::size_t c = 0; c < m.courses.size(); ++c) {
            const auto& cell = m.cells[p][c];
            lxw_format* f = cell.cell == Cell::current                                 ? green
                            : cell.cell == Cell::due_soon                              ? amber
                            : cell.cell == Cell::expired || cell.cell == Cell::missing ? red
                                                                                       : nullptr;
            worksheet_write_string(sheet, row, static_cast<lxw_col_t>(c + 2),
                                   cell_text(cell).c_str(), f);
        }
    }
    const auto total = static_cast<lxw_row_t>(m.people.size() + 3);
    worksheet_write_string(sheet, total, 0, "Compliant", bold);
    for (std::size_t c = 0; c < m.per_course.size(); ++c) {
        worksheet_write_number(sheet, total, static_cast<lxw_col_t>(c + 2),
                               m.per_course[c].percent(), bold);
    }
    const lxw_error closed = workbook_close(book);
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    std::filesystem::remove(path);
    if (closed != LXW_NO_ERROR) {
        return Error::internal(std::string("could not write the spreadsheet: ") +
                               lxw_strerror(closed));
    }
    return bytes.str();
}

}  // namespace hearth::team
