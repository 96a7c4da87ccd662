-- Staff conduct records (STF-1..4): pre-existing relationships and the
-- decisions on them, prior approvals of contact through personal accounts,
-- authorisations to blog or post about the school, and the induction checklist.
-- Depends only on migrations 0001 (schools, people); never on 0008.
-- Portable SQL: {{ID}} becomes the dialect's auto-increment primary key.
-- Times are Unix seconds (UTC); dates are 'YYYY-MM-DD' text; flags are 0/1 integers.

-- STF-1: what a member of staff declared. Never updated: what was agreed is
-- in staff_relationship_decisions, one row per decision.
CREATE TABLE staff_relationships (
  id {{ID}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  staff_id BIGINT NOT NULL REFERENCES people(id),
  other_person_id BIGINT REFERENCES people(id),  -- when they are in the register
  other_description TEXT NOT NULL DEFAULT '',    -- required when other_person_id is NULL
  relationship TEXT NOT NULL,                    -- 'niece', 'family friend', ...
  details TEXT NOT NULL,                         -- why it stops them complying with the policy
  declared_by BIGINT REFERENCES people(id),
  declared_by_name TEXT NOT NULL,
  declared_at BIGINT NOT NULL
);
CREATE INDEX staff_relationships_by_school ON staff_relationships (school_id, staff_id);

-- Append-only: the latest decision (by id) is the one that stands. 'agreed'
-- records an arrangement; 'closed' ends the need for one (the pupil has left).
CREATE TABLE staff_relationship_decisions (
  id {{ID}},
  relationship_id BIGINT NOT NULL REFERENCES staff_relationships(id),
  outcome TEXT NOT NULL CHECK (outcome IN ('agreed', 'closed')),
  agreed TEXT NOT NULL,                          -- what was agreed, or why it is closed
  discussed_with TEXT NOT NULL DEFAULT '',       -- names of those who took part, as recorded
  review_on TEXT,                                -- optional date of the next review
  decided_by BIGINT REFERENCES people(id),
  decided_by_name TEXT NOT NULL,
  decided_at BIGINT NOT NULL
);
CREATE INDEX staff_relationship_decisions_by_relationship
  ON staff_relationship_decisions (relationship_id, id);

-- The people who took part in a decision besides the one who recorded it.
CREATE TABLE staff_relationship_participants (
  decision_id BIGINT NOT NULL REFERENCES staff_relationship_decisions(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  PRIMARY KEY (decision_id, person_id)
);

-- STF-2: decided in advance. Only the revoked_* columns are ever written
-- after the insert, once (revoked_at IS NULL guards the update).
CREATE TABLE staff_contact_approvals (
  id {{ID}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  staff_id BIGINT NOT NULL REFERENCES people(id),
  decision TEXT NOT NULL CHECK (decision IN ('approved', 'refused')),
  platform TEXT NOT NULL,                        -- a platform key, 'email' or 'phone'
  group_description TEXT NOT NULL DEFAULT '',    -- a described group, when not (only) named people
  reason TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT,                                  -- NULL: until revoked
  decided_by BIGINT REFERENCES people(id),
  decided_by_name TEXT NOT NULL,
  decided_at BIGINT NOT NULL,
  revoked_by BIGINT REFERENCES people(id),
  revoked_by_name TEXT NOT NULL DEFAULT '',
  revoked_at BIGINT,
  revoked_on TEXT,                               -- the UTC date of revoked_at: last day it counted is the day before
  revoke_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX staff_contact_approvals_by_staff ON staff_contact_approvals (school_id, staff_id);

CREATE TABLE staff_contact_approval_people (
  approval_id BIGINT NOT NULL REFERENCES staff_contact_approvals(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  PRIMARY KEY (approval_id, person_id)
);
CREATE INDEX staff_contact_approval_people_by_person ON staff_contact_approval_people (person_id);

-- STF-3: the revoked_* columns are written once, as above.
CREATE TABLE staff_blog_authorisations (
  id {{ID}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  staff_id BIGINT NOT NULL REFERENCES people(id),
  channel TEXT NOT NULL CHECK (channel IN ('blog', 'personal_account', 'professional_network')),
  address TEXT NOT NULL DEFAULT '',              -- the blog's address or the account's name
  scope TEXT NOT NULL,                           -- what they may post about the school
  starts_on TEXT NOT NULL,
  ends_on TEXT,
  authorised_by BIGINT REFERENCES people(id),
  authorised_by_name TEXT NOT NULL,
  authorised_at BIGINT NOT NULL,
  revoked_by BIGINT REFERENCES people(id),
  revoked_by_name TEXT NOT NULL DEFAULT '',
  revoked_at BIGINT,
  revoked_on TEXT,
  revoke_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX staff_blog_authorisations_by_staff ON staff_blog_authorisations (school_id, staff_id);

-- STF-4: one tick per member of staff and item, never changed.
CREATE TABLE staff_induction_ticks (
  id {{ID}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  staff_id BIGINT NOT NULL REFERENCES people(id),
  item_key TEXT NOT NULL,
  done_on TEXT NOT NULL,                         -- the day they say they did it
  ticked_at BIGINT NOT NULL,
  UNIQUE (staff_id, item_key)
);
CREATE INDEX staff_induction_ticks_by_school ON staff_induction_ticks (school_id, staff_id);
