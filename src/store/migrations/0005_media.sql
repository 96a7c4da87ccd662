-- Images (PST-6, PST-10, PST-11): each school's register of devices approved
-- for taking pictures, and the media library. Only the copy with every piece
-- of metadata removed is kept, as a content-addressed file under the media
-- folder (path: first two hex digits of its SHA-256 / the SHA-256); the row
-- holds its hash and what was read from the original before stripping.
-- Portable SQL: {{ID}} becomes the dialect's auto-increment primary key.
-- Times are Unix seconds (UTC); flags are 0/1 integers.

CREATE TABLE approved_devices (
  id {{ID}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  label TEXT NOT NULL,                     -- what staff call it: 'Office iPad'
  make TEXT NOT NULL,                      -- as the device writes it in its photos: 'Apple', 'Canon'
  model TEXT NOT NULL,                     -- 'iPad (9th generation)', 'Canon EOS 250D'
  serial TEXT,                             -- when the device writes one; then photos must carry it
  approved_by BIGINT REFERENCES people(id),
  approved_at BIGINT NOT NULL,
  retired_by BIGINT REFERENCES people(id),
  retired_at BIGINT                        -- NULL while approved for use
);
CREATE INDEX approved_devices_by_school ON approved_devices (school_id, retired_at);

CREATE TABLE media_items (
  id {{ID}},
  school_id BIGINT NOT NULL REFERENCES schools(id),
  sha256 TEXT NOT NULL,                    -- of the stored (stripped) bytes: names the file
  media_type TEXT NOT NULL CHECK (media_type IN ('jpeg', 'png', 'webp')),
  byte_size BIGINT NOT NULL,               -- of the stored bytes
  width BIGINT NOT NULL DEFAULT 0,         -- pixels; 0 when not known
  height BIGINT NOT NULL DEFAULT 0,
  original_name TEXT NOT NULL DEFAULT '',  -- the uploaded file's name (last part only)
  -- PST-6: where it came from, who owns it, and the right to use it.
  source TEXT NOT NULL,
  owner TEXT NOT NULL,
  rights_basis TEXT NOT NULL CHECK (rights_basis IN ('own', 'permission', 'acknowledgement')),
  rights_note TEXT NOT NULL DEFAULT '',    -- the permission held, or the acknowledgement to show
  uploaded_by BIGINT REFERENCES people(id),
  uploaded_by_name TEXT NOT NULL,
  uploaded_at BIGINT NOT NULL,
  -- PST-10: the device, as read from the original's metadata before it was removed.
  device_match TEXT NOT NULL CHECK (device_match IN ('approved', 'unknown', 'no_metadata')),
  device_id BIGINT REFERENCES approved_devices(id),
  device_make TEXT NOT NULL DEFAULT '',
  device_model TEXT NOT NULL DEFAULT '',
  device_serial TEXT NOT NULL DEFAULT '',  -- every serial found, ', ' between them
  taken_at TEXT,                           -- as the camera wrote it (local time): '2026-05-14T10:22:01'
  -- PST-11: what the original carried and was removed.
  gps_was_present INTEGER NOT NULL DEFAULT 0,
  metadata_removed TEXT NOT NULL DEFAULT ''  -- 'EXIF, XMP, comment'
);
CREATE INDEX media_items_by_school ON media_items (school_id, uploaded_at);
CREATE INDEX media_items_by_hash ON media_items (sha256);
