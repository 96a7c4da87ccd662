-- The official account register (ACC-1..10): accounts with their risk and
-- purpose assessment, authorisations to post and administer, the credential
-- vault and the access reviews / content checks.
-- Portable SQL: {{ID}} becomes the dialect's auto-increment primary key.
-- Times are Unix seconds (UTC); dates are 'YYYY-MM-DD' text; flags are 0/1 integers.

CREATE TABLE official_accounts (
  id {{ID}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  platform TEXT NOT NULL,                  -- platform key: 'facebook', 'x', 'school_blog', ...
  account_name TEXT NOT NULL,              -- as the school writes it: '@oakfieldprimary'
  name_key TEXT NOT NULL,                  -- lower case (A-Z), no leading '@', single spaces: finds duplicates
  url TEXT,
  purpose TEXT NOT NULL,
  master_admin_role TEXT,                  -- role key; NULL for affiliated channels
  official_email TEXT,                     -- ACC-4
  status TEXT NOT NULL CHECK (status IN ('proposed', 'open', 'rejected', 'closed')),
  date_opened TEXT,
  date_closed TEXT,
  affiliated INTEGER NOT NULL DEFAULT 0,   -- ACC-9: run by others (e.g. the PTA); no logins held
  run_by TEXT,
  school_holds_master_access INTEGER NOT NULL DEFAULT 0,     -- ACC-2
  school_has_editorial_oversight INTEGER NOT NULL DEFAULT 0, -- ACC-2
  listed_in_privacy_notice INTEGER NOT NULL DEFAULT 0,       -- ACC-7
  linked_from_website INTEGER NOT NULL DEFAULT 0,            -- when the profile requires it
  -- ACC-3: the risk and purpose assessment (the purpose is above).
  investment_achieves TEXT NOT NULL DEFAULT '',
  interaction TEXT NOT NULL DEFAULT 'broadcast'
    CHECK (interaction IN ('broadcast', 'moderated_comments', 'conversation')),
  pupils_contribute INTEGER NOT NULL DEFAULT 0,
  staff_contribute INTEGER NOT NULL DEFAULT 0,
  parents_contribute INTEGER NOT NULL DEFAULT 0,
  public_contribute INTEGER NOT NULL DEFAULT 0,
  staff_minutes_per_week INTEGER NOT NULL DEFAULT 0,
  success_measures TEXT NOT NULL DEFAULT '',
  requested_by BIGINT REFERENCES people(id),
  requested_at BIGINT NOT NULL,
  decided_by BIGINT REFERENCES people(id),
  decided_at BIGINT,
  decision TEXT CHECK (decision IN ('approved', 'rejected')),
  decision_note TEXT NOT NULL DEFAULT '',
  -- ACC-10: closed accounts stay in the log.
  closed_by BIGINT REFERENCES people(id),
  closed_at BIGINT,
  close_reason TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL
);
-- One live record per account on a platform, across every school: a handle
-- belongs to one school. Rejected and closed records do not block a new one.
CREATE UNIQUE INDEX official_accounts_live_name ON official_accounts (platform, name_key)
  WHERE status IN ('proposed', 'open');
CREATE INDEX official_accounts_by_school ON official_accounts (school_id, status);

-- ACC-8 / ACC-9: an access review of an official account, or a content
-- check of an affiliated channel; the authorisations it removed point here.
CREATE TABLE account_reviews (
  id {{ID}},
  account_id BIGINT NOT NULL REFERENCES official_accounts(id),
  kind TEXT NOT NULL CHECK (kind IN ('access_review', 'content_check')),
  reviewed_by BIGINT REFERENCES people(id),
  reviewed_at BIGINT NOT NULL,
  findings TEXT NOT NULL
);
CREATE INDEX account_reviews_by_account ON account_reviews (account_id, kind, reviewed_at);

-- ACC-5: who may post to or administer an account; dated and revocable, never deleted.
CREATE TABLE account_authorisations (
  id {{ID}},
  account_id BIGINT NOT NULL REFERENCES official_accounts(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  kind TEXT NOT NULL CHECK (kind IN ('post', 'admin')),
  granted_by BIGINT REFERENCES people(id),
  granted_at BIGINT NOT NULL,
  revoked_by BIGINT REFERENCES people(id),
  revoked_at BIGINT,
  revoke_reason TEXT NOT NULL DEFAULT '',
  review_id BIGINT REFERENCES account_reviews(id)   -- the access review that removed it
);
CREATE UNIQUE INDEX account_authorisations_live ON account_authorisations (account_id, person_id, kind)
  WHERE revoked_at IS NULL;
CREATE INDEX account_authorisations_by_person ON account_authorisations (person_id);

-- ACC-6: an account's password, sealed with the server's secret key (hex of a
-- secret box); never stored in the clear, never listed or exported.
CREATE TABLE account_credentials (
  account_id BIGINT PRIMARY KEY REFERENCES official_accounts(id),
  sealed TEXT NOT NULL,
  set_by BIGINT REFERENCES people(id),
  set_at BIGINT NOT NULL
);
