-- Posts on official accounts (PST-1..10) and declared critical incidents (PST-9).

CREATE TABLE critical_incidents (
  id {{ID}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  title TEXT NOT NULL,
  declared_by BIGINT REFERENCES people(id),
  declared_at BIGINT NOT NULL,
  closed_by BIGINT REFERENCES people(id),
  closed_at BIGINT
);

CREATE TABLE posts (
  id {{ID}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  account_id BIGINT NOT NULL REFERENCES official_accounts(id),
  author_id BIGINT NOT NULL REFERENCES people(id),
  objective TEXT NOT NULL,             -- PST-1
  body TEXT NOT NULL,
  shows_images INTEGER NOT NULL DEFAULT 0,
  shows_video INTEGER NOT NULL DEFAULT 0,
  media_source TEXT NOT NULL DEFAULT '',   -- PST-6: where the media came from and who owns it
  incident_id BIGINT REFERENCES critical_incidents(id),  -- PST-9: the post is about this incident
  status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'published', 'withdrawn')),
  revision BIGINT NOT NULL DEFAULT 1,  -- every edit adds one; an approval is of one revision
  decision TEXT NOT NULL DEFAULT 'pass',   -- the last checks' verdict: pass | review | refuse
  findings TEXT NOT NULL DEFAULT '[]',     -- the last checks' findings, as JSON
  approved_by BIGINT REFERENCES people(id),
  approved_at BIGINT,
  approved_revision BIGINT,
  published_by BIGINT REFERENCES people(id),
  published_at BIGINT,
  live_url TEXT,                       -- PST-8
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX posts_by_school ON posts (school_id, status, updated_at);

-- The pupils a post shows (tagged by its author): consent is checked for each,
-- and a withdrawal finds the published posts to take down (CON-5).
CREATE TABLE post_pupils (
  post_id BIGINT NOT NULL REFERENCES posts(id),
  pupil_id BIGINT NOT NULL REFERENCES people(id),
  PRIMARY KEY (post_id, pupil_id)
);
CREATE INDEX post_pupils_by_pupil ON post_pupils (pupil_id);
