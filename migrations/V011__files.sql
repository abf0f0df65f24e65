-- Uploaded files (photos, documents) and what they are attached to. The bytes live in the file store,
-- named by their SHA-256; a row is one uploader's upload of them, so the same bytes are stored once however
-- many people upload them.
CREATE TABLE files (
  id {{ID}},
  sha256 TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  width INTEGER,
  height INTEGER,
  taken_at TEXT,
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  -- The 64-bit perceptual hash (files/perceptual_hash.hpp) as a signed integer, and its four 16-bit bands,
  -- each indexed: a near-duplicate search reads the few files sharing a band instead of every hash.
  phash BIGINT,
  phash_band0 INTEGER,
  phash_band1 INTEGER,
  phash_band2 INTEGER,
  phash_band3 INTEGER,
  small_sha256 TEXT,
  large_sha256 TEXT,
  uploaded_by BIGINT NOT NULL REFERENCES users (id),
  uploader_org_id BIGINT NOT NULL REFERENCES organizations (id),
  -- Chosen by the phone for an offline upload, so a retry returns the file instead of a second one.
  client_id TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (uploaded_by, client_id),
  UNIQUE (uploaded_by, sha256)
);
CREATE INDEX files_sha256 ON files (sha256);
CREATE INDEX files_phash_band0 ON files (phash_band0);
CREATE INDEX files_phash_band1 ON files (phash_band1);
CREATE INDEX files_phash_band2 ON files (phash_band2);
CREATE INDEX files_phash_band3 ON files (phash_band3);

-- A file attached to an owner (a visit, an enterprise, an inspection's answer…). The enterprise is kept
-- with the link so the authenticity checks ask "is this photo also another enterprise's" from an index.
CREATE TABLE file_links (
  file_id BIGINT NOT NULL REFERENCES files (id),
  owner_kind TEXT NOT NULL,
  owner_id BIGINT NOT NULL,
  enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (file_id, owner_kind, owner_id)
);
CREATE INDEX file_links_owner ON file_links (owner_kind, owner_id);
CREATE INDEX file_links_enterprise ON file_links (enterprise_id, file_id);
