-- Notices in the application (INC-3): a person is told that something needs
-- them, e.g. a concern routed to them. A notice holds no words about the
-- matter itself, only what kind of notice it is and what it points to, so a
-- list of notices never shows more than the case would; the words are written
-- when it is shown. read_at is set when the person opens what it points to.
-- Portable SQL: {{ID}} becomes the dialect's auto-increment primary key.
-- Times are Unix seconds (UTC).

CREATE TABLE notices (
  id {{ID}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  person_id BIGINT NOT NULL REFERENCES people(id),  -- who is told
  kind TEXT NOT NULL CHECK (kind IN ('concern_routed', 'concern_access_added', 'concern_reopened')),
  concern_id BIGINT REFERENCES concerns(id),
  created_at BIGINT NOT NULL,
  read_at BIGINT
);
CREATE INDEX notices_by_person ON notices (person_id, read_at, created_at);
CREATE INDEX notices_by_concern ON notices (concern_id, person_id);
