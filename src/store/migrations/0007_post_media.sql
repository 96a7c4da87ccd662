-- The images a post carries (PST-6, PST-10, PST-11), in the order the author
-- put them. They come from the school's media library, so only copies with
-- their metadata removed are ever attached; a post's checks read each image's
-- source, owner and device from its media_items row.

CREATE TABLE post_media (
  post_id BIGINT NOT NULL REFERENCES posts(id),
  media_id BIGINT NOT NULL REFERENCES media_items(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (post_id, media_id)
);
CREATE INDEX post_media_by_media ON post_media (media_id);
