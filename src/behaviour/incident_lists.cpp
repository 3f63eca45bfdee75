#include "behaviour/incident_lists.hpp"

#include <algorithm>

#include "notifications/serious_event.hpp"

namespace hearth::behaviour {

const std::vector<Choice>& triggers() {
    static const std::vector<Choice> all{
        {"demand", "Being asked to do something"},
        {"boundary", "Being told no, or a boundary held"},
        {"transition", "A change of plan or a transition"},
        {"family_news", "News from family, or family time"},
        {"peer_conflict", "Conflict with another young person"},
        {"school", "Something at school"},
        {"online", "Something online or on the phone"},
        {"sensory", "Noise, crowding or another sensory overload"},
        {"tired_hungry", "Tiredness or hunger"},
        {"unwell", "Pain or feeling unwell"},
        {"anniversary", "An anniversary or a reminder of the past"},
        {"staff_change", "A change of staff or an unfamiliar adult"},
        {"substances", "Alcohol or drugs"},
        {"not_known", "Not known yet"},
    };
    return all;
}

const std::vector<Choice>& communications() {
    static const std::vector<Choice> all{
        {"fear", "Fear or anxiety"},
        {"unmet_need", "An unmet need"},
        {"connection", "Wanting connection or reassurance"},
        {"control", "Needing some control over what happens"},
        {"sensory_overload", "Sensory overload"},
        {"trauma_reminder", "A trauma reminder"},
        {"pain", "Pain or illness"},
        {"loss", "Loss, sadness or missing someone"},
        {"shame", "Shame or embarrassment"},
        {"unfairness", "A sense of unfairness"},
        {"not_known", "Not known yet"},
    };
    return all;
}

const std::vector<Choice>& deescalation_steps() {
    static const std::vector<Choice> all{
        {"calm_voice", "A calm voice and open body language"},
        {"space", "Giving space"},
        {"distraction", "Distraction or diversion"},
        {"choices", "Offering choices"},
        {"reassurance", "Reassurance"},
        {"humour", "Humour"},
        {"change_of_face", "A change of face"},
        {"pace", "PACE: playfulness, acceptance, curiosity, empathy"},
        {"reduce_demands", "Taking the demand away for now"},
        {"trusted_adult", "Time with a trusted adult"},
        {"others_moved", "Moving others away"},
        {"clear_limits", "Clear, calm limits"},
    };
    return all;
}

const std::vector<Choice>& restrictive_measures() {
    static const std::vector<Choice> all{
        {"none", "No"},
        {"physical_intervention", "Yes: physical intervention (holding)"},
        {"restriction_of_liberty", "Yes: restricting where they could go"},
    };
    return all;
}

bool is_restrictive(const std::string& key) {
    return !key.empty() && key != "none";
}

const std::vector<Choice>& notifiable_events() {
    // Reg 40's events as the notifications capability keeps them; an enquiry's outcome is recorded
    // on the enquiry's own record, not with an incident.
    static const std::vector<Choice> all = [] {
        std::vector<Choice> out;
        for (const auto& k : notifications::serious_events()) {
            if (k.key != notifications::enquiry_outcome) {
                out.push_back({k.key, k.label});
            }
        }
        return out;
    }();
    return all;
}

}  // namespace hearth::behaviour
