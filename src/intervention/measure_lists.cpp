#include "intervention/measure_lists.hpp"

#include <algorithm>

namespace hearth::intervention {

namespace {
template <typename T>
const T* find_key(const std::vector<T>& all, const std::string& key) {
    auto found = std::find_if(all.begin(), all.end(), [&](const T& r) { return r.key == key; });
    return found == all.end() ? nullptr : &*found;
}
}  // namespace

const std::vector<Choice>& measure_kinds() {
    static const std::vector<Choice> all{
        {"physical_intervention", "Physical intervention"},
        {"restriction_of_liberty", "Restriction of liberty of movement"},
        {"consequence", "Consequence"},
    };
    return all;
}

bool is_restraint(const std::string& kind) {
    return kind == "physical_intervention" || kind == "restriction_of_liberty";
}

const std::vector<Choice>& lawful_purposes() {
    static const std::vector<Choice> all{
        {"prevent_injury_to_child", "To prevent injury to the child"},
        {"prevent_injury_to_others", "To prevent injury to another person"},
        {"prevent_serious_damage", "To prevent serious damage to property"},
    };
    return all;
}

const std::vector<Refusal>& unlawful_purposes() {
    static const std::vector<Refusal> all{
        {"good_order", "To keep good order",
         "Restraint for good order and discipline is never lawful in a children's home: it may "
         "only be used to prevent injury to someone or serious damage to property (Reg 20)."},
        {"compliance", "To make the child do as they were asked",
         "Restraint to make a child comply is never lawful: it may only be used to prevent injury "
         "to someone or serious damage to property (Reg 20)."},
        {"sanction", "To enforce a sanction or as a punishment",
         "Restraint is never a sanction or a way to enforce one (Reg 19, Reg 20): it may only be "
         "used to prevent injury to someone or serious damage to property."},
        {"absconding", "To stop the child leaving",
         "Only a secure children's home may restrain a child to stop them running away (Reg "
         "20(2)). Here restraint is lawful only to prevent injury or serious damage."},
        {"pain", "Using pain to bring the child under control",
         "Restraint that deliberately inflicts pain is never acceptable (Ofsted SCCIF)."},
    };
    return all;
}

const Refusal* find_unlawful_purpose(const std::string& key) {
    return find_key(unlawful_purposes(), key);
}

const std::vector<Choice>& default_techniques() {
    static const std::vector<Choice> all{
        {"guide", "Guiding hand (one adult)"},
        {"single_elbow", "Single elbow (one adult)"},
        {"escort", "Two-person escort"},
        {"double_elbow", "Double elbow (two adults)"},
        {"seated_hold", "Seated hold (two adults)"},
        {"standing_hold", "Standing hold (two adults)"},
        {"doorway", "Blocking a doorway or keeping a door shut"},
    };
    return all;
}

const std::vector<Choice>& positions() {
    static const std::vector<Choice> all{
        {"standing", "Standing"},
        {"walking", "Walking"},
        {"seated", "Seated"},
        {"kneeling", "Kneeling"},
        {"ground_side", "On the ground, on their side"},
        {"none", "Not held (their way was blocked or a door was kept shut)"},
    };
    return all;
}

const std::vector<Choice>& rights() {
    static const std::vector<Choice> all{
        {"medical", "To see a doctor, nurse or other medical professional"},
        {"advocate", "To talk to an advocate"},
        {"social_worker", "To talk to their social worker"},
        {"childrens_commissioner", "To contact the Children's Commissioner"},
        {"ofsted", "To contact Ofsted"},
    };
    return all;
}

const std::vector<Choice>& consequence_kinds() {
    static const std::vector<Choice> all{
        {"reparation", "Putting right or paying towards damage (reparation)"},
        {"restorative_task", "A task that helps put things right"},
        {"loss_of_privilege", "Losing a privilege or an activity for a time"},
        {"screen_time", "Less screen time for a time"},
        {"curfew", "Coming home earlier for a time"},
        {"other", "Something else"},
    };
    return all;
}

const std::vector<Refusal>& prohibited_sanctions() {
    static const std::vector<Refusal> all{
        {"corporal", "Corporal punishment", "Corporal punishment is prohibited (Reg 19)."},
        {"food_drink", "Anything to do with food or drink",
         "A sanction involving food or drink is prohibited: no meal, snack, pudding or drink may "
         "be given or taken away as a consequence (Reg 19)."},
        {"contact", "Restricting contact or communication",
         "Contact with family, friends or professionals is never restricted as a punishment "
         "(Reg 19, Reg 22). A contact restriction is made only to keep a child safe, with "
         "its own record and approvals."},
        {"clothing", "Distinctive or inappropriate clothes",
         "Making a child wear distinctive or inappropriate clothes is prohibited (Reg 19)."},
        {"medication", "Medication or medical or dental treatment",
         "Using or withholding medication or medical or dental treatment is prohibited (Reg "
         "19(2)(e))."},
        {"sleep", "Depriving of sleep", "Depriving a child of sleep is prohibited (Reg 19)."},
        {"fine", "A fine, other than reparation",
         "A fine is prohibited unless it is reparation: paying towards damage the child caused "
         "(Reg 19). Choose reparation if that is what it is."},
        {"intimate_search", "An intimate physical search",
         "An intimate physical search is prohibited (Reg 19)."},
        {"aids", "Withholding a disabled child's aids or equipment",
         "Withholding aids or equipment a disabled child needs is prohibited (Reg 19)."},
        {"group", "A group punishment",
         "Punishing a group for what one child did is prohibited (Reg 19): a consequence is "
         "for the child it is about."},
        {"by_other_children", "A measure imposed by other children",
         "Children may not impose a measure of control or discipline on each other (Reg "
         "19(2)(j))."},
    };
    return all;
}

const Refusal* find_prohibited_sanction(const std::string& key) {
    return find_key(prohibited_sanctions(), key);
}

const std::vector<Choice>& effectiveness_levels() {
    static const std::vector<Choice> all{
        {"helped", "It helped"},
        {"some", "It helped a little"},
        {"no_difference", "It made no difference"},
        {"made_worse", "It made things worse"},
        {"too_soon", "Too soon to say"},
    };
    return all;
}

}  // namespace hearth::intervention
