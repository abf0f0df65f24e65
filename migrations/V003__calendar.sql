-- Working-day calendar years uploaded by a platform admin. Each row overrides the shipped
-- data/calendar/<year>.json; deleting it brings the shipped file (or Monday–Friday) back.

CREATE TABLE calendar_years (
  year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  -- The checked arrangement: {"year", "notice", "holidays": [...], "working_days": [...]}
  arrangement TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by BIGINT NOT NULL REFERENCES users (id)
);
