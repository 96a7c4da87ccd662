// Evidence on a concern (INC-4, INC-5, LAW-2): messages, emails, voicemail
// notes, web addresses, screenshots and files, each with the time it refers
// to and when it was added. Files are kept as they were given (never
// altered, so their fingerprint holds) as content-addressed files under the
// evidence folder (media/content_store.h), and the SHA-256 is stored and
// shown so anyone can show later that a file is unchanged.
//
// LAW-2: on a concern whose type involves nude or semi-nude imagery of
// children, no file or screenshot is ever accepted; the address, the time
// and a description are kept instead.
//
// INC-5: web addresses are shown inert (defanged, not a link) to anyone not
// trained to investigate, i.e. not holding one of ConcernRules::
// evidence_keepers, when the profile says untrained_see_inert_links.
//
// Call inside Database::transaction. add_evidence writes the file before its
// row; if it fails it removes a file it created, but a rollback by the
// caller after it returns leaves an unreferenced file (same content, same
// name: harmless, and overwritten by the next identical upload), so callers
// add evidence last in their transaction.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "auth/permissions.h"
#include "concerns/concern.h"
#include "concerns/evidence_vault.h"
#include "core/clock.h"
#include "core/result.h"
#include "profile/policy_profile.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco {

inline constexpr size_t kMaxEvidenceBytes = 20 * 1024 * 1024;

struct EvidenceInput {
  EvidenceKind kind = EvidenceKind::kMessage;
  std::optional<int64_t> refers_to;  // required; not in the future
  std::string description;           // required: what it is, what it says or shows
  std::string address;               // required for a web address; optional otherwise
  // A file (required for a screenshot or a file; optional for a message or
  // an email; refused for a voicemail note, which is a written note).
  std::string file_name;
  std::string declared_type;  // the upload's content type, if any
  std::string bytes;
};

// LAW-2: true for the concern types that involve nude or semi-nude imagery
// of children ("youth_produced_imagery", "indecent_images_of_children").
bool refuses_image_evidence(std::string_view concern_type);

// The kind of file by its content: "jpeg", "png", "webp" (media/image_type.h),
// "pdf", "email" (an .eml message: header lines, then a blank line) or
// "text" (valid UTF-8 without NUL bytes); nullopt for anything else.
std::optional<std::string> sniff_evidence_type(std::string_view bytes);
std::string_view evidence_content_type(std::string_view file_type);  // "application/pdf", ...

// Adds an item. The case's viewers may add evidence, and so may the reporter
// (who often holds it) while the case is open; nobody else (kForbidden).
// kInvalid, saying what to do, for a missing time or description, a time in
// the future, a missing address or file where one is needed, a file that is
// empty, too large or not a picture, PDF, email or text, or any file or
// screenshot on a concern of an imagery type (LAW-2); kConflict when the
// case is closed; kUnavailable when the folder cannot be written. Audited
// "concern.evidence_add" (with the SHA-256).
Result<EvidenceItem> add_evidence(const SchoolScope& at, int64_t concern_id,
                                  const EvidenceVault& vault, const EvidenceInput& input,
                                  size_t max_bytes = kMaxEvidenceBytes);

struct EvidenceFile {
  std::string bytes;
  std::string sha256;
  std::string file_type;
  std::string file_name;
};

// The stored file of an item, checked against its SHA-256 (kInternal if it
// no longer matches). Case viewers only (kForbidden otherwise); kNotFound for
// an item without a file or of another concern. Audited "concern.evidence_view".
Result<EvidenceFile> read_evidence_file(const SchoolScope& at, int64_t concern_id,
                                        int64_t evidence_id, const EvidenceVault& vault);

// "hxxps://example[.]com/path?x=1": the scheme defanged (http -> hxxp,
// https -> hxxps, ftp -> fxp) and every dot of the host bracketed, so the
// address cannot be followed by a click or a copy into a browser; the rest
// is unchanged, so it can still be read and reported. Idempotent.
std::string inert_address(std::string_view address);

// INC-5: may this person see addresses live? Always when the profile does
// not ask for inert links; otherwise only the evidence keepers.
bool sees_live_addresses(const ConcernRules& rules, const Grants& grants, int64_t school_id,
                         int64_t school_trust_id);

// Turns the stored (live) addresses of `items` inert unless `live`.
void present_addresses(std::vector<EvidenceItem>& items, bool live);

}  // namespace inloco
