#include "concerns/pupil_chronology.h"

#include <nlohmann/json.hpp>

#include "concerns/concern_store.h"
#include "people/people_store.h"
#include "store/row_reader.h"

namespace inloco {

Result<std::vector<ChronologyEntry>> pupil_chronology(const SchoolScope& at, int64_t pupil_id) {
  int64_t person = TRY(acting_person(at.actor.person_id, "see a pupil's chronology"));
  auto pupil = get_person(at.conn, at.school_id, pupil_id);
  if (!pupil.ok() || pupil->kind != PersonKind::kPupil)
    return Error::not_found("There is no pupil " + std::to_string(pupil_id) + " at this school.");

  // The concerns naming the pupil that this person may open, and how the pupil figures in each.
  Rows rows = TRY(at.conn.query(
      "SELECT c.id, CASE WHEN c.subject_person_id = ? THEN 'subject' ELSE (SELECT "
      "MIN(x.involvement) "
      "FROM concern_people x WHERE x.concern_id = c.id AND x.person_id = ?) END "
      "FROM concerns c JOIN concern_viewers v ON v.concern_id = c.id AND v.person_id = ? "
      "JOIN people me ON me.id = v.person_id AND me.active = 1 "
      "WHERE c.school_id = ? AND (c.subject_person_id = ? OR EXISTS (SELECT 1 FROM concern_people "
      "y WHERE y.concern_id = c.id AND y.person_id = ?)) ORDER BY c.happened_at, c.reported_at, "
      "c.id",
      {pupil_id, pupil_id, person, at.school_id, pupil_id, pupil_id}));
  std::vector<ChronologyEntry> out;
  std::vector<int64_t> ids;
  for (const Row& r : rows) {
    RowReader in(r);
    ChronologyEntry e;
    e.concern = TRY(load_concern(at.conn, at.school_id, in.integer()));
    e.pupil_is = in.text();
    e.actions = TRY(load_actions(at.conn, e.concern.id));
    ids.push_back(e.concern.id);
    out.push_back(std::move(e));
  }
  TRY(append_audit(at.conn, at.clock, at.actor,
                   AuditEvent{"concern.chronology_view", "person", std::to_string(pupil_id),
                              at.school_id, nlohmann::json{{"concerns", ids}}.dump()}));
  return out;
}

}  // namespace inloco
