-- Policy profiles assigned to schools (RPT-3, TRN-3): every assignment is a
-- new version, kept for good. A school's current profile is its latest
-- version; a school with none uses the shipped default profile.
-- Portable SQL: {{ID}} becomes the dialect's auto-increment primary key.
-- Times are Unix seconds (UTC); dates are 'YYYY-MM-DD' text; flags are 0/1 integers.

CREATE TABLE profile_versions (
  id {{ID}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  version BIGINT NOT NULL,                 -- 1, 2, 3, ... per school
  profile_key TEXT NOT NULL,               -- the file stem: 'default', 'oak_trees_mat', ...
  profile_text TEXT NOT NULL,              -- the whole TOML as assigned, comments included
  changes TEXT NOT NULL,                   -- changed settings, one per line: 'key: before → after'
  assigned_by BIGINT REFERENCES people(id),  -- NULL for the command line and the system
  assigned_by_name TEXT NOT NULL,          -- who, as the audit log names them
  assigned_at BIGINT NOT NULL,
  UNIQUE (school_id, version)
);
