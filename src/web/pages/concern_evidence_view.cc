#include "web/pages/concern_evidence_view.h"

#include "web/pages/concern_view.h"

namespace inloco::web {

mstch::array evidence_rows(const std::vector<EvidenceItem>& items, const std::string& file_base) {
  mstch::array out;
  for (const auto& e : items) {
    mstch::map m{{"kind", std::string(evidence_kind_label(e.kind))},
                 {"refers_to", when_text(e.refers_to)},
                 {"description", e.description},
                 {"added", when_text(e.added_at) + " by " + e.added_by_name}};
    if (!e.address.empty()) {
      m.emplace("address", e.address);
      m.emplace("live", e.address_is_live);
    }
    if (e.file_sha256) {
      m.emplace("sha256", *e.file_sha256);
      m.emplace("file_name", e.file_name.empty() ? std::string("file") : e.file_name);
      if (!file_base.empty())
        m.emplace("file_href", file_base + "/" + std::to_string(e.id) + "/file");
      m.emplace("file_size", std::to_string(e.file_size.value_or(0)) + " bytes");
    }
    out.push_back(std::move(m));
  }
  return out;
}

mstch::map evidence_form(const std::string& action, const std::string& concern_type, int64_t now,
                         const Fields* values) {
  auto val = [&](const std::string& name) { return values ? field(*values, name) : std::string(); };
  mstch::array kinds;
  for (EvidenceKind e :
       {EvidenceKind::kScreenshot, EvidenceKind::kWebAddress, EvidenceKind::kMessage,
        EvidenceKind::kEmail, EvidenceKind::kVoicemailNote, EvidenceKind::kFile}) {
    std::string key(evidence_kind_key(e));
    kinds.push_back(mstch::map{{"key", key},
                               {"label", std::string(evidence_kind_label(e))},
                               {"selected", key == val("kind")}});
  }
  return mstch::map{{"evidence_action", action},
                    {"refuses_images", refuses_image_evidence(concern_type)},
                    {"evidence_kinds", kinds},
                    {"today", format_utc(now).substr(0, 10)},
                    {"evidence_description", val("description")},
                    {"evidence_address", val("address")}};
}

Result<EvidenceInput> evidence_input(const MultipartForm& form) {
  const Fields& f = form.fields;
  auto kind = parse_evidence_kind(field(f, "kind"));
  if (!kind) return Error::invalid("Choose what kind of evidence this is.");
  EvidenceInput in;
  in.kind = *kind;
  in.refers_to = parse_when(field(f, "refers_date"), field(f, "refers_time"));
  in.description = field(f, "description");
  in.address = field(f, "address");
  if (auto file = form.files.find("file"); file != form.files.end() && !file->second.data.empty()) {
    in.file_name = file->second.filename;
    in.declared_type = file->second.content_type;
    in.bytes = file->second.data;
  }
  return in;
}

}  // namespace inloco::web
