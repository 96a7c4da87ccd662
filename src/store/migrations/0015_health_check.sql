-- The health check's one row (/healthz, store/health_check.h): rewritten on
-- every check, so that a database which can still be read but no longer
-- written to (a read-only file or standby server, a full disk) is reported
-- before anyone loses what they typed.
-- Portable SQL: a plain INTEGER key, since there is only ever row 1.

CREATE TABLE health_check (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  checked_at BIGINT NOT NULL
);
INSERT INTO health_check (id, checked_at) VALUES (1, 0);
