#include "language/language_routes.hpp"

#include "language/capability.hpp"
#include "language/demo_language.hpp"
#include "language/phrase.hpp"

namespace hearth::language {

void add_routes(http::Router& router) {
    // The list is compiled in: read it now, so that a build whose list does not read fails at
    // start rather than on someone's first note.
    (void)default_list();
    add_list_routes(router);
    add_check_routes(router);
    add_figure_routes(router);
}

const Capability capability{"Language that cares", [](Registry& r) {
                                add_routes(r.router);
                                r.at<demo::DemoParts>().add({90, demo::add_language});
                            }};

}  // namespace hearth::language
