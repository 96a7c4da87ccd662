-- Inappropriate content found on the school network (NET-4): anyone who works
-- at the school reports the site; the people the profile names
-- (filter.content_reports_to, ICT by default) block it or say why not. A
-- blocked site joins the school's own block list, which is compiled into the
-- filter with the category lists.
-- Portable SQL: {{ID}} becomes the dialect's auto-increment primary key.
-- Times are Unix seconds (UTC).

CREATE TABLE filter_site_reports (
  id {{ID}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  reported_by BIGINT NOT NULL REFERENCES people(id),
  reported_by_name TEXT NOT NULL,
  reported_at BIGINT NOT NULL,
  address TEXT NOT NULL,                -- as the person typed it
  domain TEXT NOT NULL,                 -- the site: its host, normalised, without www
  what TEXT NOT NULL,                   -- what was found, and where
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'blocked', 'dismissed')),
  handled_by BIGINT REFERENCES people(id),
  handled_by_name TEXT NOT NULL DEFAULT '',
  handled_at BIGINT,
  outcome TEXT NOT NULL DEFAULT ''      -- why it was blocked, or why not
);
CREATE INDEX filter_site_reports_by_school ON filter_site_reports (school_id, status, reported_at);
