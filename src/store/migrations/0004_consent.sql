-- The consent register (CON-1..8, LAW-9) and the removal tasks a withdrawal
-- opens (CON-5).
-- Portable SQL: {{ID}} becomes the dialect's auto-increment primary key.
-- Times are Unix seconds (UTC); dates are 'YYYY-MM-DD' text; flags are 0/1 integers.

-- Append-only: every decision, amendment and withdrawal is a new row; rows are
-- never updated or deleted (CON-4). The decision that counts for a pupil, a
-- use and a day is the latest one of that day's academic year effective on
-- or before it (by effective_from, then id).
CREATE TABLE consent_decisions (
  id {{ID}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  pupil_id BIGINT NOT NULL REFERENCES people(id),
  academic_year INTEGER NOT NULL,          -- the year it starts in: 2026 for 2026/27
  use_key TEXT NOT NULL,                   -- 'images_school_accounts', ... or a profile's own use
  decision TEXT NOT NULL CHECK (decision IN ('granted', 'refused')),
  kind TEXT NOT NULL CHECK (kind IN ('initial', 'amendment', 'withdrawal')),
  given_by BIGINT NOT NULL REFERENCES people(id),   -- a parent/carer, or the pupil
  given_as TEXT NOT NULL CHECK (given_as IN ('parental_responsibility', 'competent_pupil')),
  given_on TEXT NOT NULL,                  -- the date on the form or letter
  effective_from TEXT NOT NULL,            -- within the academic year; not before given_on
  form_reference TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  recorded_by BIGINT REFERENCES people(id),
  recorded_by_name TEXT NOT NULL,
  recorded_at BIGINT NOT NULL
);
CREATE INDEX consent_decisions_by_pupil
  ON consent_decisions (pupil_id, academic_year, use_key, effective_from, id);
CREATE INDEX consent_decisions_by_school ON consent_decisions (school_id, academic_year, use_key);

-- CON-5: one task per published post showing a pupil whose consent was
-- withdrawn. post_id has no foreign key yet: the posts table comes later.
CREATE TABLE removal_tasks (
  id {{ID}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  withdrawal_id BIGINT NOT NULL REFERENCES consent_decisions(id),
  pupil_id BIGINT NOT NULL REFERENCES people(id),
  use_key TEXT NOT NULL,
  post_id BIGINT NOT NULL,
  account_id BIGINT NOT NULL REFERENCES official_accounts(id),
  live_url TEXT NOT NULL DEFAULT '',
  published_on TEXT NOT NULL DEFAULT '',
  due_on TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'removed', 'not_practicable')),
  created_at BIGINT NOT NULL,
  resolved_by BIGINT REFERENCES people(id),
  resolved_by_name TEXT NOT NULL DEFAULT '',
  resolved_at BIGINT,
  reason TEXT NOT NULL DEFAULT '',         -- required for not_practicable
  UNIQUE (withdrawal_id, post_id)
);
CREATE INDEX removal_tasks_by_school ON removal_tasks (school_id, status, due_on);

-- Who a removal task is assigned to: the account's administrators when the
-- task was opened (or, with none, the holders of its master admin role).
CREATE TABLE removal_task_assignees (
  task_id BIGINT NOT NULL REFERENCES removal_tasks(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  PRIMARY KEY (task_id, person_id)
);
CREATE INDEX removal_task_assignees_by_person ON removal_task_assignees (person_id);
