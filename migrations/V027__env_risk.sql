-- HJ 941-2018 environmental risk level (issue 13). The substance table is reference data whose values are not
-- all confirmed (risk-methods.md: [C]/[M]), so it is versioned: version 1 is loaded from
-- data/envrisk/*.json, an admin corrects it by publishing the next version, and every assessment names the
-- version it used. A version holds its substances, the names people write for them and the control-measure
-- score table of 表2/表7 (JSON, the item scores being the product's decision).
CREATE TABLE env_risk_tables (
  id {{ID}},
  version INTEGER NOT NULL UNIQUE,
  note TEXT NOT NULL DEFAULT '',
  control_scores TEXT NOT NULL,
  published_by BIGINT REFERENCES users (id),
  published_at TEXT NOT NULL
);

CREATE TABLE env_risk_substances (
  id {{ID}},
  table_id BIGINT NOT NULL REFERENCES env_risk_tables (id),
  name TEXT NOT NULL,
  cas TEXT NOT NULL DEFAULT '',
  critical_t DOUBLE PRECISION NOT NULL,
  part TEXT NOT NULL DEFAULT '',
  physical_state TEXT NOT NULL DEFAULT '' CHECK (physical_state IN ('', 'gas', 'liquid', 'solid')),
  source TEXT NOT NULL DEFAULT '',
  UNIQUE (table_id, name)
);
CREATE INDEX env_risk_substances_cas ON env_risk_substances (table_id, cas);

-- What people write → the table's name; an empty name marks a word that is no risk substance (氢气, 乙醇).
CREATE TABLE env_risk_aliases (
  id {{ID}},
  table_id BIGINT NOT NULL REFERENCES env_risk_tables (id),
  alias TEXT NOT NULL,
  substance_name TEXT NOT NULL DEFAULT '',
  basis TEXT NOT NULL DEFAULT '',
  UNIQUE (table_id, alias)
);

-- One assessment of an enterprise: the inputs as entered, the result as computed then (with the table version),
-- and its review. The latest reviewed one sets the enterprise's risk level; earlier ones stay.
CREATE TABLE env_risk_assessments (
  id {{ID}},
  enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  table_id BIGINT NOT NULL REFERENCES env_risk_tables (id),
  status TEXT NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'reviewed')),
  level TEXT NOT NULL CHECK (level IN ('general', 'larger', 'major')),
  label TEXT NOT NULL,
  inputs TEXT NOT NULL,
  result TEXT NOT NULL,
  assessed_on TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  reviewed_by BIGINT REFERENCES users (id),
  reviewed_at TEXT
);
CREATE INDEX env_risk_assessments_enterprise ON env_risk_assessments (enterprise_id, id);

-- The label of the assessment that set risk_level ("较大[较大-大气(Q2-M2-E3)+一般-水(Q0)]"); '' otherwise.
ALTER TABLE enterprises ADD COLUMN risk_label TEXT NOT NULL DEFAULT '';
