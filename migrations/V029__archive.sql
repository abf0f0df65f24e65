-- One enterprise, one file 一企一档 (issue 13; xuzhou App. E, guilin App. E, wuxi 附件3). Kept at least 5 years
-- and nothing lost, altered, hidden or destroyed in that time (wuxi 第十八条, chengdu 7.2): documents are only
-- ever added (a new version supersedes, the old stays), and every archive event is a link of one hash chain.

-- The required-document lists as versioned reference data (data/archive/document-lists.json): a list never
-- changes in place; a correction is a new version. `body` is the list as JSON (categories and items).
CREATE TABLE archive_lists (
  id {{ID}},
  code TEXT NOT NULL,
  version INTEGER NOT NULL,
  source TEXT NOT NULL,
  subject TEXT NOT NULL CHECK (subject IN ('enterprise', 'park')),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (code, version)
);

-- What an organization keeps: the list that applies to the enterprises it registered (default by its type)
-- and how long documents are kept (never below 5 years).
CREATE TABLE archive_settings (
  org_id BIGINT PRIMARY KEY REFERENCES organizations (id),
  list_code TEXT NOT NULL,
  retention_years INTEGER NOT NULL CHECK (retention_years >= 5),
  updated_by BIGINT REFERENCES users (id),
  updated_at TEXT NOT NULL
);

-- One version of one required document of an enterprise: a file of the file store, never replaced. A
-- document may be withdrawn only once its retention has ended (`withdrawn_at`); its row and bytes stay.
CREATE TABLE archive_documents (
  id {{ID}},
  enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
  list_code TEXT NOT NULL,
  item_code TEXT NOT NULL,
  version INTEGER NOT NULL,
  file_id BIGINT NOT NULL REFERENCES files (id),
  file_sha256 TEXT NOT NULL,
  issued_on TEXT,
  valid_until TEXT,
  note TEXT NOT NULL DEFAULT '',
  retain_until TEXT NOT NULL,
  uploaded_by BIGINT NOT NULL REFERENCES users (id),
  uploaded_at TEXT NOT NULL,
  withdrawn_at TEXT,
  UNIQUE (enterprise_id, list_code, item_code, version)
);
CREATE INDEX archive_documents_enterprise ON archive_documents (enterprise_id, list_code, item_code);

-- Each item's paper copy (xuzhou E.1: on file √, or 否 with a reason), the reason an electronic copy is
-- missing, and whether the item applies to the enterprise at all (a 若有 item, a special-industry permit).
CREATE TABLE archive_item_states (
  enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
  list_code TEXT NOT NULL,
  item_code TEXT NOT NULL,
  paper_on_file INTEGER,
  paper_reason TEXT NOT NULL DEFAULT '',
  electronic_reason TEXT NOT NULL DEFAULT '',
  applicable INTEGER NOT NULL DEFAULT 1,
  updated_by BIGINT NOT NULL REFERENCES users (id),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (enterprise_id, list_code, item_code)
);

-- The hash chain: every archive event (upload, new version, status change, read, export, withdrawal) in the
-- order it happened. `hash` is the SHA-256 of the entry's fields and `prev_hash` (archive/archive_rules.hpp);
-- `file_sha256` is the hash of the bytes the event concerns. GET /archive/verify recomputes all of it.
CREATE TABLE archive_events (
  id {{ID}},
  seq BIGINT NOT NULL UNIQUE,
  enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
  kind TEXT NOT NULL,
  item_code TEXT NOT NULL DEFAULT '',
  document_id BIGINT REFERENCES archive_documents (id),
  file_sha256 TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '{}',
  actor_id BIGINT NOT NULL REFERENCES users (id),
  at TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX archive_events_enterprise ON archive_events (enterprise_id, item_code, seq);

-- The chain's head, one row: appending updates it first, which serialises appenders on both databases.
CREATE TABLE archive_chain (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_seq BIGINT NOT NULL,
  last_hash TEXT NOT NULL
);
INSERT INTO archive_chain (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
