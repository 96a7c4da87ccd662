-- Trusts, schools, people, roles, sign-in accounts, sessions and the audit log.
-- Portable SQL: {{ID}} becomes the dialect's auto-increment primary key.
-- Times are Unix seconds (UTC); dates are 'YYYY-MM-DD' text; flags are 0/1 integers.

CREATE TABLE trusts (
  id {{ID}},
  name TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);

CREATE TABLE schools (
  id {{ID}},
  trust_id BIGINT NOT NULL REFERENCES trusts(id),
  code TEXT NOT NULL UNIQUE,          -- short name used on the command line, e.g. "oakfield"
  name TEXT NOT NULL,
  urn TEXT,                           -- the DfE unique reference number
  phase TEXT NOT NULL DEFAULT 'primary',
  created_at BIGINT NOT NULL
);

CREATE TABLE people (
  id {{ID}},
  trust_id BIGINT NOT NULL REFERENCES trusts(id),
  school_id BIGINT REFERENCES schools(id),   -- NULL for people of the trust itself (trustees)
  external_id TEXT,                          -- the school information system's id
  kind TEXT NOT NULL CHECK (kind IN ('staff', 'governor', 'trustee', 'volunteer', 'contractor', 'pupil', 'parent')),
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  preferred_name TEXT,
  email TEXT,
  phone TEXT,
  job_title TEXT,
  date_of_birth TEXT,
  year_group TEXT,
  class_name TEXT,
  competent_to_consent INTEGER NOT NULL DEFAULT 0,
  competence_decided_by BIGINT REFERENCES people(id),
  competence_decided_at BIGINT,
  active INTEGER NOT NULL DEFAULT 1,
  sort_name TEXT NOT NULL DEFAULT '',  -- family and given name in lower case (A-Z): the list order
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (school_id, external_id)
);
-- Lists are read a page at a time in name order: these indexes give the page
-- without sorting the whole school.
CREATE INDEX people_by_name ON people (school_id, sort_name, id);
CREATE INDEX people_by_kind_name ON people (school_id, kind, sort_name, id);

CREATE TABLE guardianships (
  parent_id BIGINT NOT NULL REFERENCES people(id),
  pupil_id BIGINT NOT NULL REFERENCES people(id),
  relationship TEXT NOT NULL DEFAULT 'parent',
  parental_responsibility INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (parent_id, pupil_id)
);
CREATE INDEX guardianships_by_pupil ON guardianships (pupil_id);

CREATE TABLE role_assignments (
  id {{ID}},
  person_id BIGINT NOT NULL REFERENCES people(id),
  role TEXT NOT NULL,
  trust_id BIGINT NOT NULL REFERENCES trusts(id),
  school_id BIGINT REFERENCES schools(id),   -- NULL: held across the trust
  granted_at BIGINT NOT NULL,
  granted_by BIGINT REFERENCES people(id)
);
CREATE UNIQUE INDEX role_assignments_unique ON role_assignments (person_id, role, school_id);
CREATE INDEX role_assignments_by_school ON role_assignments (school_id, role);

CREATE TABLE user_accounts (
  person_id BIGINT PRIMARY KEY REFERENCES people(id),
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  totp_secret_sealed TEXT,          -- hex of a secret box; never stored in the clear
  totp_enabled INTEGER NOT NULL DEFAULT 0,
  totp_last_step BIGINT NOT NULL DEFAULT 0,   -- refuses reuse of a code
  must_change_password INTEGER NOT NULL DEFAULT 0,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  password_changed_at BIGINT NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,      -- SHA-256 of the cookie value; the value itself is never stored
  person_id BIGINT NOT NULL REFERENCES people(id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  second_factor_pending INTEGER NOT NULL DEFAULT 0,
  source TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_by_person ON sessions (person_id);

CREATE TABLE audit_log (
  id BIGINT PRIMARY KEY,            -- 1, 2, 3, ... in order of appending, no gaps
  at BIGINT NOT NULL,
  actor_id BIGINT,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  record_type TEXT NOT NULL,
  record_id TEXT NOT NULL,
  school_id BIGINT,
  detail TEXT NOT NULL,
  source TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_by_record ON audit_log (record_type, record_id);

-- One row: the end of the chain. Updating it first serialises appenders on both databases.
CREATE TABLE audit_head (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  last_id BIGINT NOT NULL,
  last_hash TEXT NOT NULL
);
INSERT INTO audit_head (singleton, last_id, last_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
