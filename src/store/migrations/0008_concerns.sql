-- The safeguarding concern log (INC-1..8, LAW-1..5, IAM-2): concerns, the
-- people involved, who may open each case, its evidence and its chronology
-- of actions.
-- Portable SQL: {{ID}} becomes the dialect's auto-increment primary key.
-- Times are Unix seconds (UTC); flags are 0/1 integers.

CREATE TABLE concerns (
  id {{ID}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  reported_by BIGINT NOT NULL REFERENCES people(id),
  reported_by_name TEXT NOT NULL,
  reported_at BIGINT NOT NULL,
  happened_at BIGINT NOT NULL,             -- when it happened, as the reporter says: never after reported_at
  what_happened TEXT NOT NULL,             -- the reporter's words, kept as submitted
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('pupil', 'staff', 'headteacher', 'parent', 'outside')),
  subject_person_id BIGINT REFERENCES people(id),  -- NULL: not in the school's records, or not known
  subject_description TEXT NOT NULL DEFAULT '',    -- who, when there is no person to name
  platform TEXT NOT NULL DEFAULT '',
  risk_area TEXT NOT NULL,                 -- INC-2: a key of ConcernRules::risk_areas
  risk_kind TEXT NOT NULL DEFAULT '',      -- INC-2: a key of ConcernRules::kinds, or '' when not given
  concern_type TEXT NOT NULL,              -- INC-2: a key of ConcernRules::types
  involves_personal_data INTEGER NOT NULL DEFAULT 0,   -- images included (INC-3, LAW-4)
  about_official_accounts INTEGER NOT NULL DEFAULT 0,  -- a complaint about the school's accounts or posts
  fell_back INTEGER NOT NULL DEFAULT 0,    -- routed to a fallback because no one held a routed role
  routing_notes TEXT NOT NULL DEFAULT '',  -- why it went where it went, one line each
  lado_decision_needed INTEGER NOT NULL DEFAULT 0,     -- LAW-3: about staff, and the profile refers to the LADO
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_by BIGINT REFERENCES people(id),
  closed_by_name TEXT NOT NULL DEFAULT '',
  closed_at BIGINT,
  lessons_learnt TEXT NOT NULL DEFAULT '',  -- INC-7 debrief
  policy_change TEXT NOT NULL DEFAULT '',   -- INC-7: the policy or curriculum change, or 'none'
  -- LAW-4: the DPO's decision on reporting to the ICO, due within dpo_decision_hours.
  ico_decision_due BIGINT,                  -- NULL unless personal data is involved
  ico_decision TEXT CHECK (ico_decision IN ('report', 'no_report')),  -- NULL until decided
  ico_reason TEXT NOT NULL DEFAULT '',
  ico_decided_by BIGINT REFERENCES people(id),
  ico_decided_by_name TEXT NOT NULL DEFAULT '',
  ico_decided_at BIGINT
);
CREATE INDEX concerns_by_school ON concerns (school_id, status, reported_at);
CREATE INDEX concerns_by_subject ON concerns (subject_person_id);
CREATE INDEX concerns_by_reporter ON concerns (reported_by);

-- Who else is involved: a person of the school, or a description of someone
-- outside it.
CREATE TABLE concern_people (
  id {{ID}},
  concern_id BIGINT NOT NULL REFERENCES concerns(id),
  person_id BIGINT REFERENCES people(id),
  description TEXT NOT NULL DEFAULT '',
  involvement TEXT NOT NULL CHECK (involvement IN ('affected', 'responsible', 'witness', 'other'))
);
CREATE INDEX concern_people_by_concern ON concern_people (concern_id);
CREATE INDEX concern_people_by_person ON concern_people (person_id);

-- IAM-2: who may open a case. Routed when it was reported (routed_for names
-- the routes: 'pupil', 'staff', 'personal_data', ..., 'fallback'), or added
-- later by someone who could open it, with the reason.
CREATE TABLE concern_viewers (
  concern_id BIGINT NOT NULL REFERENCES concerns(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  via TEXT NOT NULL CHECK (via IN ('routed', 'added')),
  routed_for TEXT NOT NULL DEFAULT '',     -- comma-separated route keys; '' when added
  role TEXT NOT NULL DEFAULT '',           -- the role it was routed by; '' when added
  reason TEXT NOT NULL DEFAULT '',         -- why they were added
  added_by BIGINT REFERENCES people(id),   -- NULL when routed
  added_by_name TEXT NOT NULL DEFAULT '',
  added_at BIGINT NOT NULL,
  PRIMARY KEY (concern_id, person_id)
);
CREATE INDEX concern_viewers_by_person ON concern_viewers (person_id);

-- INC-4: evidence with the time it refers to and when it was added; a file's
-- SHA-256 names its content-addressed copy under the evidence folder and lets
-- anyone show later that it is unchanged. LAW-2: no file is ever kept for a
-- concern involving nude or semi-nude imagery of children.
CREATE TABLE concern_evidence (
  id {{ID}},
  concern_id BIGINT NOT NULL REFERENCES concerns(id),
  kind TEXT NOT NULL CHECK (kind IN ('message', 'email', 'voicemail_note', 'web_address', 'screenshot', 'file')),
  refers_to BIGINT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',        -- the live address; shown inert to the untrained (INC-5)
  file_sha256 TEXT,                        -- NULL when no file
  file_size BIGINT,
  file_type TEXT,                          -- 'jpeg', 'png', 'webp', 'pdf', 'text', 'email'
  file_name TEXT NOT NULL DEFAULT '',
  added_by BIGINT NOT NULL REFERENCES people(id),
  added_by_name TEXT NOT NULL,
  added_at BIGINT NOT NULL
);
CREATE INDEX concern_evidence_by_concern ON concern_evidence (concern_id, refers_to);
CREATE INDEX concern_evidence_by_hash ON concern_evidence (file_sha256);

-- INC-6, LAW-1, LAW-5: the chronology of actions and decisions, each with its
-- reason. Never updated or deleted. decision is 'yes'/'no' for the kinds that
-- are a decision (CEOP report made, police involved, LADO referral made, ICO
-- told), '' otherwise; counterpart is the platform, agency or people the
-- action concerned; for information shared, detail is what was shared,
-- counterpart with whom and reason why.
CREATE TABLE concern_actions (
  id {{ID}},
  concern_id BIGINT NOT NULL REFERENCES concerns(id),
  kind TEXT NOT NULL CHECK (kind IN ('note', 'platform_contacted', 'ceop', 'police',
    'parents_informed', 'sanction', 'support_offered', 'information_shared', 'lado_referral',
    'low_level_concern', 'ico_decision', 'closed', 'reopened')),
  taken_at BIGINT NOT NULL,                -- when it was done
  decision TEXT NOT NULL DEFAULT '' CHECK (decision IN ('', 'yes', 'no')),
  counterpart TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '',         -- what was done, or its outcome
  reason TEXT NOT NULL DEFAULT '',
  recorded_by BIGINT NOT NULL REFERENCES people(id),
  recorded_by_name TEXT NOT NULL,
  recorded_at BIGINT NOT NULL
);
CREATE INDEX concern_actions_by_concern ON concern_actions (concern_id, taken_at, id);
