-- Unblocking wrongly blocked sites (NET-3): a member of staff asks, with the
-- address and the reason; ICT checks the request; the headteacher (the
-- profile's unblock_approvers) approves or refuses it in writing. An approval
-- creates a time-limited exception that the filter reads; a locked category
-- (LAW-8) is never allowed by the filter, whatever an exception says.
-- Portable SQL: {{ID}} becomes the dialect's auto-increment primary key.
-- Times are Unix seconds (UTC).

CREATE TABLE filter_unblock_requests (
  id {{ID}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  requested_by BIGINT NOT NULL REFERENCES people(id),
  requested_by_name TEXT NOT NULL,
  requested_at BIGINT NOT NULL,
  address TEXT NOT NULL,                   -- as the person typed it
  domain TEXT NOT NULL,                    -- the site to allow: its host, normalised, without www
  reason TEXT NOT NULL,                    -- what it is needed for
  for_group TEXT NOT NULL DEFAULT '',      -- a group of the profile's [filter.groups]; '' = the requester
  days INTEGER NOT NULL,                   -- how long the exception should last
  status TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'approved', 'refused')),
  checked_by BIGINT REFERENCES people(id), -- ICT's check (the profile's unblock_handlers)
  checked_by_name TEXT NOT NULL DEFAULT '',
  checked_at BIGINT,
  check_note TEXT NOT NULL DEFAULT '',
  decided_by BIGINT REFERENCES people(id),
  decided_by_name TEXT NOT NULL DEFAULT '',
  decided_at BIGINT,
  decision_reason TEXT NOT NULL DEFAULT ''  -- the decision in writing
);
CREATE INDEX filter_unblock_requests_by_school ON filter_unblock_requests (school_id, status, requested_at);

-- What the filter allows because of an approval, until ends_at or until it is
-- ended early (with the reason).
CREATE TABLE filter_exceptions (
  id {{ID}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  request_id BIGINT NOT NULL REFERENCES filter_unblock_requests(id),
  domain TEXT NOT NULL,
  for_group TEXT NOT NULL DEFAULT '',
  for_person_id BIGINT REFERENCES people(id),  -- when for_group is ''
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,
  ended_at BIGINT,
  ended_by_name TEXT NOT NULL DEFAULT '',
  end_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX filter_exceptions_by_school ON filter_exceptions (school_id, ends_at);
