#pragma once
// What one reader sees of a bullying concern, decided here and nowhere else: the home's list and
// the concern's page, the child's Relationships tab, the handover, their JSON, the API and each
// child's export are rendered from this view. A reader who may read about the child who was
// bullied sees the concern whole, with each child who bullied named only if they may read about
// that child too ("another young person" otherwise). A reader who may read only about a child
// thought to have bullied (that child's social worker) sees what is about that child: when,
// where, the forms it took, the stages and the restorative work, with the child bullied as
// "another young person" and nothing of their words, their safety, their telling or who they are.
// A child's own record (their export) is seen the same way, from that child's side.
#include <nlohmann/json.hpp>

#include "children/export/export_sections.hpp"
#include "relationships/bullying_store.hpp"

namespace hearth::relationships {

struct SeenConcern {
    bool whole = false;                  // the child bullied may be read about
    std::vector<std::int64_t> readable;  // the children who bullied who may be read about
    std::int64_t from_child = 0;         // the page's child, or the child bullied
};

SeenConcern seen_by(const Reader& reader, const Concern& k);
SeenConcern seen_in_record_of(std::int64_t child_id, const Concern& k);

Result<nlohmann::json> concern_view(db::Connection& c, const Concern& k, const SeenConcern& seen,
                                    Timestamp now);

// The child's bullying concerns in their export, each from their side.
children::ExportSection concerns_export_section();

}  // namespace hearth::relationships
