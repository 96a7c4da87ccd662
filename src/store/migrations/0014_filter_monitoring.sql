-- Monitoring the school network (NET-5) and attempts to get round the filter
-- (NET-6). inloco-squid-helper writes one decision record per request to a
-- log; `inloco filter ingest` reads it into filter_decisions, remembering in
-- filter_log_files how far it has read each file. Requests that look like an
-- attempt to get round the filter become circumvention events; past the
-- profile's threshold the person is banned from the network until the ban is
-- lifted, or, under supervised_use_only, except while a member of staff
-- records that they are supervising them.
-- Portable SQL: {{ID}} becomes the dialect's auto-increment primary key.
-- Times are Unix seconds (UTC).

-- The sign-in name the school's network passes to the proxy for this person,
-- in lower case. When empty, a person's inloco user name stands for it.
ALTER TABLE people ADD COLUMN network_username TEXT;
CREATE UNIQUE INDEX people_network_username ON people (school_id, network_username);

-- How far each decision log file has been read. A file is known by its
-- device and inode and the SHA-256 of its first line, so a rotated file
-- (renamed, same inode) is read on from where it was left, and a new file
-- (another inode, or one that reuses an inode with other contents) from its
-- start. position is always the end of a whole line.
CREATE TABLE filter_log_files (
  id {{ID}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  path TEXT NOT NULL,            -- the path it was last read under
  device BIGINT NOT NULL,
  inode BIGINT NOT NULL,
  head_hash TEXT NOT NULL,
  position BIGINT NOT NULL,      -- bytes read
  lines BIGINT NOT NULL,         -- lines read, for FILE:LINE in messages
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX filter_log_files_identity ON filter_log_files (school_id, device, inode, head_hash);

-- One request the filter answered. Personal data: kept for the profile's
-- retention of filter_logs, then deleted by the next ingest.
CREATE TABLE filter_decisions (
  id {{ID}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  at BIGINT NOT NULL,
  username TEXT NOT NULL,                  -- as the proxy passed it, lower case; '' when none
  person_id BIGINT REFERENCES people(id),  -- NULL when no person of the school has that name
  source_address TEXT NOT NULL,            -- the device
  url TEXT NOT NULL,
  host TEXT NOT NULL,                      -- normalised; '' when the URL could not be read
  search_terms TEXT NOT NULL,
  search_flag TEXT NOT NULL DEFAULT '',    -- the checker's category when the search is of concern
  blocked INTEGER NOT NULL,
  category TEXT NOT NULL,                  -- '' when none
  rule TEXT NOT NULL
);
CREATE INDEX filter_decisions_by_time ON filter_decisions (school_id, at);
CREATE INDEX filter_decisions_by_person ON filter_decisions (person_id, at);

-- A request that looks like an attempt to get round the filter.
CREATE TABLE filter_circumvention_events (
  id {{ID}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  at BIGINT NOT NULL,
  username TEXT NOT NULL,
  person_id BIGINT REFERENCES people(id),
  source_address TEXT NOT NULL,
  url TEXT NOT NULL,
  host TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('category', 'ip_address', 'numeric_address')),
  category TEXT NOT NULL,                  -- the list category, for kind 'category'
  blocked INTEGER NOT NULL
);
CREATE INDEX filter_circumvention_by_time ON filter_circumvention_events (school_id, at);
CREATE INDEX filter_circumvention_by_person ON filter_circumvention_events (person_id, at);

-- A person banned from the school network after attempts to get round the
-- filter; in force until lifted, with the reason.
CREATE TABLE filter_bans (
  id {{ID}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  sanction TEXT NOT NULL CHECK (sanction IN ('supervised_use_only', 'remove_internet_access')),
  started_at BIGINT NOT NULL,
  why TEXT NOT NULL,
  events_count INTEGER NOT NULL,
  window_days INTEGER NOT NULL,
  lifted_at BIGINT,
  lifted_by BIGINT REFERENCES people(id),
  lifted_by_name TEXT NOT NULL DEFAULT '',
  lift_reason TEXT NOT NULL DEFAULT ''
);
-- At most one ban in force per person.
CREATE UNIQUE INDEX filter_bans_in_force ON filter_bans (person_id) WHERE lifted_at IS NULL;
CREATE INDEX filter_bans_by_school ON filter_bans (school_id, started_at);

-- supervised_use_only: a member of staff supervises the banned person until
-- a time, and the filter lets them through until then.
CREATE TABLE filter_supervised_sessions (
  id {{ID}},
  ban_id BIGINT NOT NULL REFERENCES filter_bans(id),
  supervisor_id BIGINT NOT NULL REFERENCES people(id),
  supervisor_name TEXT NOT NULL,
  recorded_by BIGINT REFERENCES people(id),
  recorded_by_name TEXT NOT NULL,
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL
);
CREATE INDEX filter_supervised_sessions_by_ban ON filter_supervised_sessions (ban_id, ends_at);

-- The DSL and ICT are told of a ban: the notices table is rebuilt to widen
-- its kinds (a CHECK cannot be changed in place on SQLite) and to point at a
-- ban. Every notice is kept, with what it points to; they get new ids. (Not
-- notices_new: on PostgreSQL 0013's sequence and key still bear that name.)
CREATE TABLE notices_v14 (
  id {{ID}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  kind TEXT NOT NULL CHECK (kind IN ('concern_routed', 'concern_access_added', 'concern_reopened',
    'unblock_requested', 'unblock_decided', 'site_reported', 'site_report_handled', 'network_banned')),
  concern_id BIGINT REFERENCES concerns(id),
  unblock_request_id BIGINT REFERENCES filter_unblock_requests(id),
  site_report_id BIGINT REFERENCES filter_site_reports(id),
  filter_ban_id BIGINT REFERENCES filter_bans(id),
  created_at BIGINT NOT NULL,
  read_at BIGINT
);
INSERT INTO notices_v14 (school_id, person_id, kind, concern_id, unblock_request_id, site_report_id,
                         created_at, read_at)
  SELECT school_id, person_id, kind, concern_id, unblock_request_id, site_report_id, created_at, read_at
  FROM notices ORDER BY id;
DROP TABLE notices;
ALTER TABLE notices_v14 RENAME TO notices;
CREATE INDEX notices_by_person ON notices (person_id, read_at, created_at);
CREATE INDEX notices_by_concern ON notices (concern_id, person_id);
