#include "plans/plan_kinds.hpp"

#include <cctype>

namespace hearth::plans {

namespace {

// Every risk assessment asks the same questions, whatever the area.
std::vector<Section> risk_sections() {
    return {
        {"the_risk", "The risk, in plain words",
         "What could happen and to whom, written so that the child could read it without feeling "
         "blamed",
         true},
        {"more_likely", "What makes it more likely",
         "Times, places, people, feelings or events that raise the risk", false},
        {"less_likely", "What makes it less likely",
         "What is going well and the people and things that protect", false},
        {"what_reduces", "What reduces the risk",
         "What staff do, and what the child has agreed to do, to keep the risk down", true},
        {"if_it_happens", "What staff do if it happens",
         "The steps, who is told and how quickly (the registered manager, the social worker, the "
         "police)",
         true},
    };
}

PlanKind risk(std::string key, std::string label, std::string description,
              bool named_area = false) {
    return {std::move(key),
            std::move(label),
            Family::risk_assessment,
            std::move(description),
            risk_sections(),
            {"what_reduces"},
            named_area};
}

std::vector<PlanKind> all_kinds() {
    return {
        {"placement_plan",
         "Placement plan",
         Family::plan,
         "Why the child lives here and how the home will meet their needs, agreed between the "
         "registered manager and the child's social worker, including family time and contact "
         "details.",
         {
             {"about_me", "About me", "What matters to me, what I am good at and what I enjoy",
              false},
             {"why_here", "Why I live here and what my home is for",
              "The placing authority's aims for this placement, in plain words", true},
             {"how_we_meet_my_needs", "How the home will meet my needs",
              "Day-to-day care, routines and the support the home gives", true},
             {"health", "My health", "Health needs, appointments, medication, GP and dentist",
              false},
             {"education", "My education",
              "School or college, the designated teacher, attendance and support", false},
             {"family_time", "Family time and contact arrangements",
              "Who I see or speak to, how (visits, phone, letters, video, social media), how often "
              "and whether it is supervised",
              true},
             {"contact_details", "Contact details agreed with my social worker",
              "Names with telephone numbers, email or addresses of the people I keep in touch with",
              false},
             {"agreed_with", "Agreed with my social worker",
              "Who agreed this plan for the placing authority, and when", true},
         },
         {"how_we_meet_my_needs"},
         false},
        {"support_plan",
         "Support plan",
         Family::plan,
         "What the child needs support with day to day and how staff give it, with their goals.",
         {
             {"about_me", "About me and what I am good at", "Strengths, interests and achievements",
              false},
             {"my_needs", "What I need support with",
              "Emotional wellbeing, independence skills, relationships, identity", true},
             {"how_staff_support_me", "How staff support me",
              "What staff do and how often: key-work sessions, activities, routines", true},
             {"friendships", "My friendships",
              "Friendships inside and outside the home that are good for me, and how staff help me "
              "keep them",
              false},
             {"family_time", "Family time", "Arrangements that matter for my support", false},
             {"my_goals", "What I want to achieve",
              "My goals in my words, and how we will know I got there", false},
         },
         {"how_staff_support_me"},
         false},
        {"safety_plan",
         "Safety plan",
         Family::plan,
         "What worries people about the child's safety and what everyone does to keep them safe.",
         {
             {"what_worries_us", "What worries people about my safety",
              "In plain words, without blame", true},
             {"signs", "Signs that I may not be safe", "What staff may notice in me or around me",
              false},
             {"what_keeps_me_safe", "What helps me stay safe",
              "Things I can do, places I can go and people I can talk to", true},
             {"staff_actions", "What staff will do", "Including who they tell and how quickly",
              true},
             {"family_time", "Family time and contact that affect my safety",
              "Arrangements agreed with my social worker", false},
         },
         {"what_keeps_me_safe"},
         false},
        {"behaviour_plan",
         "Individual behaviour plan",
         Family::plan,
         "How staff help the child when things are hard: what upsets them, what helps, and what "
         "staff do.",
         {
             {"at_my_best", "What I am like at my best", "When things are going well", true},
             {"triggers", "What can upset me",
              "Triggers, and the early signs that I am finding things hard", true},
             {"communicating", "What my behaviour may be telling you",
              "Behaviour is communication: the need or feeling it may show", false},
             {"what_helps", "What helps me",
              "Strategies that work for me: what to say, what to offer, what to avoid", true},
             {"staff_response", "What staff should do",
              "Calm, de-escalation and choices first. Physical intervention only as a last resort "
              "to prevent injury or serious damage",
              true},
             {"praise", "How I like to be praised",
              "What I like to be praised for, and how (some people prefer it quietly)", false},
             {"what_i_said", "What I have said about it", "In my own words", false},
         },
         {"what_helps"},
         false},
        risk("risk_self_harm", "Self-harm",
             "The risk that the child may hurt themselves, and how it is kept down."),
        risk("risk_going_missing", "Going missing",
             "The risk that the child may go missing from the home or from where they should be."),
        risk("risk_exploitation", "Exploitation",
             "The risk of sexual or criminal exploitation, including by people outside the home."),
        risk("risk_harmful_sexual_behaviour", "Harmful sexual behaviour",
             "The risk that the child may harm others sexually, or be harmed, and how friendships "
             "are supported safely."),
        risk("risk_bullying", "Bullying",
             "The risk of the child being bullied or bullying others, in the home or online."),
        risk("risk_online_safety", "Online safety",
             "Risks online: social media, messaging, images, contact with people they do not "
             "know."),
        risk("risk_other", "Another area", "A risk in an area not listed: you name the area.",
             true),
    };
}

}  // namespace

const std::vector<PlanKind>& plan_kinds() {
    static const std::vector<PlanKind> kinds = all_kinds();
    return kinds;
}

const PlanKind* find_kind(std::string_view key) {
    for (const auto& k : plan_kinds()) {
        if (k.key == key) {
            return &k;
        }
    }
    return nullptr;
}

std::string plan_title(const PlanKind& kind, const std::string& area_name) {
    if (kind.family == Family::plan) {
        return kind.label;
    }
    std::string area = kind.named_area ? area_name : kind.label;
    if (!kind.named_area && !area.empty()) {
        area[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(area[0])));
    }
    return "Risk assessment: " + area;
}

}  // namespace hearth::plans
