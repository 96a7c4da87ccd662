#include "concerns/concern_evidence.h"

#include <cctype>
#include <nlohmann/json.hpp>

#include "concerns/case_access.h"
#include "concerns/concern_store.h"
#include "core/crypto.h"
#include "core/text.h"
#include "media/content_store.h"
#include "media/image_type.h"
#include "people/person_fields.h"
#include "store/row_reader.h"

namespace inloco {
namespace {

bool looks_like_email_message(std::string_view bytes) {
  // RFC 5322: header fields "Name: value" up to the first blank line.
  size_t end = bytes.find("\r\n\r\n");
  if (end == std::string_view::npos) end = bytes.find("\n\n");
  if (end == std::string_view::npos) return false;
  std::string_view head = bytes.substr(0, end);
  size_t colon = head.find(':');
  size_t newline = head.find('\n');
  if (colon == std::string_view::npos || colon == 0 || colon > newline) return false;
  for (char c : head.substr(0, colon))
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-')) return false;
  std::string lower = ascii_lower(head);
  return lower.find("from:") != std::string::npos &&
         (lower.find("subject:") != std::string::npos || lower.find("date:") != std::string::npos);
}

std::string megabytes(size_t bytes) {
  return std::to_string((bytes + 1024 * 1024 - 1) / (1024 * 1024)) + " MB";
}

}  // namespace

bool refuses_image_evidence(std::string_view concern_type) {
  return concern_type == "youth_produced_imagery" || concern_type == "indecent_images_of_children";
}

std::optional<std::string> sniff_evidence_type(std::string_view bytes) {
  if (auto image = sniff_image_type(bytes)) return std::string(image_type_key(*image));
  if (bytes.substr(0, 5) == "%PDF-") return std::string("pdf");
  if (bytes.empty() || !is_valid_utf8(bytes) || bytes.find('\0') != std::string_view::npos)
    return std::nullopt;
  return std::string(looks_like_email_message(bytes) ? "email" : "text");
}

std::string_view evidence_content_type(std::string_view file_type) {
  if (auto image = parse_image_type(file_type)) return image_content_type(*image);
  if (file_type == "pdf") return "application/pdf";
  if (file_type == "email") return "message/rfc822";
  if (file_type == "text") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

Result<EvidenceItem> add_evidence(const SchoolScope& at, int64_t concern_id,
                                  const EvidenceVault& vault, const EvidenceInput& in,
                                  size_t max_bytes) {
  int64_t person = TRY(acting_person(at.actor.person_id, "add evidence"));
  Concern concern = TRY(load_concern(at.conn, at.school_id, concern_id));
  auto viewer = TRY(find_viewer(at.conn, concern_id, person));
  if (!viewer && concern.reported_by != person)
    return Error::forbidden(
        "Only the people this concern was routed to, those they added, and the person who "
        "reported it can add evidence.");
  if (concern.status == ConcernStatus::kClosed)
    return Error::conflict(
        viewer ? "This concern is closed; reopen it, with the reason, to add evidence."
               : "This concern has been dealt with and closed. If you have something "
                 "new, report it as a new concern.");

  const int64_t now = at.now();
  if (!in.refers_to)
    return Error::invalid("Say when the " + ascii_lower(evidence_kind_label(in.kind)) +
                          " was sent, received or seen (the date, and the time if known).");
  if (*in.refers_to > now)
    return Error::invalid("The time it refers to, " + format_utc(*in.refers_to) +
                          ", is in the future; check the date and time.");
  std::string description =
      TRY(checked_text(in.description, "The description", kMaxConcernTextLength, false));
  if (description.empty())
    return Error::invalid("Describe the evidence: what it is, and what it says or shows.");
  std::string address = TRY(checked_text(in.address, "The web address", kMaxAddressLength, true));
  if (in.kind == EvidenceKind::kWebAddress && address.empty())
    return Error::invalid("Enter the web address, exactly as it was seen.");

  const bool has_file = !in.bytes.empty() || !in.file_name.empty();
  // LAW-2 comes before any other check of the file: its bytes are never read.
  if (refuses_image_evidence(concern.type) &&
      (has_file || in.kind == EvidenceKind::kScreenshot || in.kind == EvidenceKind::kFile))
    return Error::invalid(
        "This concern involves nude or semi-nude images of children, which must never be "
        "viewed, copied or kept, so no file or screenshot is stored. Record the web address or "
        "where it was seen, when, and a description instead, and do not keep any copy.");
  if (in.kind == EvidenceKind::kVoicemailNote && has_file)
    return Error::invalid(
        "A voicemail is recorded as a written note of what was said; remove "
        "the file, or add it as a file of its own.");
  if ((in.kind == EvidenceKind::kScreenshot || in.kind == EvidenceKind::kFile) && !has_file)
    return Error::invalid("Choose the " + ascii_lower(evidence_kind_label(in.kind)) + " to add.");

  EvidenceItem item;
  item.concern_id = concern_id;
  item.kind = in.kind;
  item.refers_to = *in.refers_to;
  item.description = description;
  item.address = address;
  item.address_is_live = true;
  item.added_by = person;
  item.added_by_name = at.actor.name;
  item.added_at = now;

  bool created = false;
  if (has_file) {
    std::string name = clean_upload_name(in.file_name);
    std::string called = name.empty() ? "This file" : "The file " + name;
    if (in.bytes.empty()) return Error::invalid(called + " is empty. Choose it again and add it.");
    if (in.bytes.size() > max_bytes)
      return Error::invalid(called + " is " + megabytes(in.bytes.size()) +
                            "; evidence files can be at most " + megabytes(max_bytes) +
                            ". Take a screenshot of the part that matters and add that instead.");
    std::optional<std::string> type = sniff_evidence_type(in.bytes);
    if (!type)
      return Error::invalid(called +
                            " is not a picture (JPEG, PNG or WebP), a PDF, an email "
                            "(.eml) or plain text. Save it as one of those (or take a "
                            "screenshot of it) and add it again.");
    if (parse_image_type(*type))  // the image check's name and declared type agreement
      TRY(check_image_upload(in.file_name, in.declared_type, in.bytes, max_bytes));
    else if (in.kind == EvidenceKind::kScreenshot)
      return Error::invalid(called +
                            " is not a picture; a screenshot must be a JPEG, PNG or "
                            "WebP image. Add it as a file instead.");
    StoredContent stored = TRY(vault.put(in.bytes));
    created = stored.created;
    item.file_sha256 = sha256_hex(in.bytes);
    item.file_size = static_cast<int64_t>(in.bytes.size());
    item.file_type = *type;
    item.file_name = name;
  }

  auto saved = [&]() -> Status {
    item.id = TRY(at.conn.insert(
        "INSERT INTO concern_evidence (concern_id, kind, refers_to, description, address, "
        "file_sha256, file_size, file_type, file_name, added_by, added_by_name, added_at) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {concern_id, evidence_kind_key(item.kind), item.refers_to, item.description, item.address,
         item.file_sha256, item.file_size,
         item.file_type.empty() ? SqlValue() : SqlValue(item.file_type), item.file_name, person,
         at.actor.name, now}));
    nlohmann::json detail{{"concern", concern_id}, {"kind", evidence_kind_key(item.kind)}};
    if (item.file_sha256) detail["sha256"] = *item.file_sha256;
    TRY(append_audit(at.conn, at.clock, at.actor,
                     AuditEvent{"concern.evidence_add", "concern_evidence", std::to_string(item.id),
                                at.school_id, detail.dump()}));
    return {};
  }();
  if (!saved.ok()) {
    if (created) vault.remove(*item.file_sha256);
    return std::move(saved).error();
  }
  return item;
}

Result<EvidenceFile> read_evidence_file(const SchoolScope& at, int64_t concern_id,
                                        int64_t evidence_id, const EvidenceVault& vault) {
  int64_t person = TRY(acting_person(at.actor.person_id, "open evidence"));
  TRY(load_concern(at.conn, at.school_id, concern_id));
  TRY(require_case_viewer(at.conn, concern_id, person));
  Rows rows = TRY(at.conn.query(
      "SELECT file_sha256, file_type, file_name FROM concern_evidence WHERE id = ? AND "
      "concern_id = ? AND file_sha256 IS NOT NULL",
      {evidence_id, concern_id}));
  if (rows.empty())
    return Error::not_found("Evidence item " + std::to_string(evidence_id) +
                            " of this concern has no file.");
  RowReader in(rows[0]);
  EvidenceFile out;
  out.sha256 = in.text();
  out.file_type = in.text();
  out.file_name = in.text();
  out.bytes = TRY(vault.get(out.sha256));
  TRY(append_audit(
      at.conn, at.clock, at.actor,
      AuditEvent{"concern.evidence_view", "concern_evidence", std::to_string(evidence_id),
                 at.school_id,
                 nlohmann::json{{"concern", concern_id}, {"sha256", out.sha256}}.dump()}));
  return out;
}

std::string inert_address(std::string_view address) {
  std::string out;
  std::string_view rest = address;
  if (size_t sep = rest.find("://"); sep != std::string_view::npos) {
    std::string scheme = ascii_lower(rest.substr(0, sep));
    if (scheme == "http")
      scheme = "hxxp";
    else if (scheme == "https")
      scheme = "hxxps";
    else if (scheme == "ftp")
      scheme = "fxp";
    out = scheme + "://";
    rest.remove_prefix(sep + 3);
  }
  size_t host_end = rest.find_first_of("/?#");
  std::string_view host = rest.substr(0, host_end);
  for (size_t i = 0; i < host.size(); ++i) {
    bool bracketed = i > 0 && host[i - 1] == '[' && i + 1 < host.size() && host[i + 1] == ']';
    if (host[i] == '.' && !bracketed)
      out += "[.]";
    else
      out += host[i];
  }
  if (host_end != std::string_view::npos) out += rest.substr(host_end);
  return out;
}

bool sees_live_addresses(const ConcernRules& rules, const Grants& grants, int64_t school_id,
                         int64_t school_trust_id) {
  return !rules.untrained_see_inert_links ||
         grants.holds_any(rules.evidence_keepers, school_id, school_trust_id);
}

void present_addresses(std::vector<EvidenceItem>& items, bool live) {
  for (EvidenceItem& e : items) {
    e.address_is_live = live || e.address.empty();
    if (!live) e.address = inert_address(e.address);
  }
}

}  // namespace inloco
