-- Notices for web filtering (NET-3, NET-4): ICT and the headteacher are told
-- of a new unblock request or reported site, and the person who asked or
-- reported is told of the outcome. The table is rebuilt to widen its kinds
-- (a CHECK cannot be changed in place on SQLite); nothing is lost, though the
-- notices get new ids.

CREATE TABLE notices_new (
  id {{ID}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  kind TEXT NOT NULL CHECK (kind IN ('concern_routed', 'concern_access_added', 'concern_reopened',
    'unblock_requested', 'unblock_decided', 'site_reported', 'site_report_handled')),
  concern_id BIGINT REFERENCES concerns(id),
  unblock_request_id BIGINT REFERENCES filter_unblock_requests(id),
  site_report_id BIGINT REFERENCES filter_site_reports(id),
  created_at BIGINT NOT NULL,
  read_at BIGINT
);
-- New ids: copying the old ones would leave PostgreSQL's identity behind them.
INSERT INTO notices_new (school_id, person_id, kind, concern_id, created_at, read_at)
  SELECT school_id, person_id, kind, concern_id, created_at, read_at FROM notices ORDER BY id;
DROP TABLE notices;
ALTER TABLE notices_new RENAME TO notices;
CREATE INDEX notices_by_person ON notices (person_id, read_at, created_at);
CREATE INDEX notices_by_concern ON notices (concern_id, person_id);
