// Evidence on the pages (INC-4, INC-5, LAW-2), shared by the case page and the
// reporter's own report: how an item is listed, the "Add evidence" form
// (evidence_form.mustache) and reading that form.
#pragma once

#include <cstdint>
#include <mstch/mstch.hpp>
#include <string>
#include <vector>

#include "concerns/concern.h"
#include "concerns/concern_evidence.h"
#include "core/result.h"
#include "web/form_data.h"

namespace inloco::web {

// Rows for the evidence list: kind, refers_to, description, added, address
// and live, sha256, file_name, file_size; file_href only when `file_base` is
// given (the case's viewers may download; the reporter sees the SHA-256).
mstch::array evidence_rows(const std::vector<EvidenceItem>& items, const std::string& file_base);

// The form's context: evidence_action, refuses_images, evidence_kinds, today,
// evidence_description, evidence_address; `values` refills a refused form.
mstch::map evidence_form(const std::string& action, const std::string& concern_type, int64_t now,
                         const Fields* values);

// The form as submitted; kInvalid when no kind is chosen. Times are typed as
// a date and an optional time (refers_date, refers_time).
Result<EvidenceInput> evidence_input(const MultipartForm& form);

}  // namespace inloco::web
