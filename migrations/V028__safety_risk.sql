-- Work-safety risk identification of an enterprise (chengdu App. C 3.2, issue 13): the records of Tables 3–6
-- and the zones of the four-colour map, each a JSON document of its table's columns (safety/risk_records.hpp
-- validates them); an enterprise's lists are short (tens to hundreds of rows) and read whole.
-- An assessment (JHA or SCL row) keeps its score and level as graded when written, and the mapping used.
CREATE TABLE safety_risk_records (
  id {{ID}},
  enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
  kind TEXT NOT NULL,  -- activity | equipment | assessment | zone
  data TEXT NOT NULL,
  score DOUBLE PRECISION,  -- R = L × S or D = L × E × C (assessments)
  level TEXT,              -- low | general | large | major (assessments)
  mapping_code TEXT,
  mapping_name TEXT,
  created_by BIGINT REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_by BIGINT REFERENCES users (id),
  updated_at TEXT NOT NULL
);
CREATE INDEX safety_risk_records_enterprise ON safety_risk_records (enterprise_id, kind, id);

-- The site plan the four-colour map is drawn on: an image from the file store, its size in pixels (zones are
-- polygons in those coordinates).
CREATE TABLE safety_site_plans (
  enterprise_id BIGINT PRIMARY KEY REFERENCES enterprises (id),
  file_id BIGINT NOT NULL REFERENCES files (id),
  width BIGINT NOT NULL,
  height BIGINT NOT NULL,
  updated_by BIGINT REFERENCES users (id),
  updated_at TEXT NOT NULL
);

-- An organization's own grading (another city's standard) replacing the default for the assessments its
-- people grade (safety/risk_rules.hpp parses it).
CREATE TABLE safety_risk_mappings (
  org_id BIGINT PRIMARY KEY REFERENCES organizations (id),
  mapping TEXT NOT NULL,
  updated_by BIGINT REFERENCES users (id),
  updated_at TEXT NOT NULL
);
