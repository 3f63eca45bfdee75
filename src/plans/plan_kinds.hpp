#pragma once
// The kinds of relevant plan and risk assessment a child can have, and the sections each one asks
// for. This is data: a kind (or a section) is added by adding a row to the table in
// plan_kinds.cpp; nothing else in Hearth needs to change for it.
#include <string>
#include <string_view>
#include <vector>

namespace hearth::plans {

enum class Family { plan, risk_assessment };

struct Section {
    std::string key;  // stable: versions store their text under it, and the diff pairs by it
    std::string label;
    std::string hint;
    bool required = false;
};

struct PlanKind {
    std::string key;    // "safety_plan", "risk_going_missing"
    std::string label;  // "Safety plan", "Going missing"
    Family family = Family::plan;
    std::string description;  // on the page where a kind is chosen
    std::vector<Section> sections;
    // The sections staff on shift see on the child's page: the strategies that help this child.
    std::vector<std::string> strategy_sections;
    // A risk assessment of another area: the writer names the area ("Fire setting").
    bool named_area = false;
};

const std::vector<PlanKind>& plan_kinds();
const PlanKind* find_kind(std::string_view key);

// What a plan is called on every page: "Safety plan", "Risk assessment: going missing",
// "Risk assessment: fire setting" (an area named by the writer).
std::string plan_title(const PlanKind& kind, const std::string& area_name);

}  // namespace hearth::plans
