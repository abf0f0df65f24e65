-- Notice numbers (issue 12; yueqing att.2 "统一编号、建档管理"): the pattern an issuing organization sets per
-- notice kind, and one counter per organization, pattern and year. The counter is advanced inside the
-- transaction that issues the notice: concurrent issues queue on its row, and a rolled-back issue gives its
-- number back, so numbers are never reused nor skipped.
CREATE TABLE notice_number_patterns (
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  kind TEXT NOT NULL,
  pattern TEXT NOT NULL,  -- '' : notices of this kind carry no number
  updated_at TEXT NOT NULL,
  updated_by BIGINT REFERENCES users (id),
  PRIMARY KEY (org_id, kind)
);

-- Keyed by the pattern, not the kind: two kinds sharing a pattern share its sequence (no number twice), and
-- a pattern changed and changed back continues where it stopped.
CREATE TABLE notice_number_counters (
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  pattern TEXT NOT NULL,
  year INTEGER NOT NULL,
  last_sequence BIGINT NOT NULL,
  PRIMARY KEY (org_id, pattern, year)
);
