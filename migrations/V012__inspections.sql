-- Field inspection (issue 11): checklist templates as versioned data, one inspection per template a visit's
-- service types use, answers saved item by item with a version, findings raised on submit, the enterprise's
-- signature, photo consent per visit and the on-site training record (检训合一).

CREATE TABLE checklist_templates (
  id {{ID}},
  code TEXT NOT NULL,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  -- The whole template as JSON (data/checklists/template.schema.json); never changed once stored: an edit
  -- is a new version, and an inspection keeps the version it was opened with.
  body TEXT NOT NULL,
  -- The catalog service type codes whose visits use the template, as a JSON list.
  service_types TEXT NOT NULL DEFAULT '[]',
  shipped INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  created_by BIGINT REFERENCES users (id),
  UNIQUE (code, version)
);

CREATE TABLE inspections (
  id {{ID}},
  visit_id BIGINT NOT NULL REFERENCES visits (id),
  template_id BIGINT NOT NULL REFERENCES checklist_templates (id),
  enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
  agency_org_id BIGINT NOT NULL REFERENCES organizations (id),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'submitted', 'signed')),
  score DOUBLE PRECISION,
  submitted_at TEXT,
  submitted_by BIGINT REFERENCES users (id),
  signer_name TEXT NOT NULL DEFAULT '',
  signature_file_id BIGINT,
  signed_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (visit_id, template_id)
);
CREATE INDEX inspections_enterprise ON inspections (enterprise_id, created_at);

CREATE TABLE inspection_answers (
  inspection_id BIGINT NOT NULL REFERENCES inspections (id),
  item_id TEXT NOT NULL,
  value TEXT NOT NULL,
  version INTEGER NOT NULL,
  -- When the inspector changed it on the device (offline edits arrive later).
  edited_at TEXT NOT NULL,
  answered_by BIGINT NOT NULL REFERENCES users (id),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (inspection_id, item_id)
);

CREATE TABLE inspection_findings (
  id {{ID}},
  inspection_id BIGINT NOT NULL REFERENCES inspections (id),
  enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
  item_id TEXT NOT NULL,
  -- The triggering option ('' for a finding the inspector recorded from an item by hand).
  option_value TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL,
  grade TEXT NOT NULL CHECK (grade IN ('major', 'general')),
  description TEXT NOT NULL,
  suggestion TEXT NOT NULL DEFAULT '',
  basis TEXT NOT NULL DEFAULT '',
  photo_file_ids TEXT NOT NULL DEFAULT '[]',
  -- Given by the phone for a finding recorded offline, so a retried sync records it once.
  client_id TEXT,
  created_at TEXT NOT NULL,
  created_by BIGINT REFERENCES users (id)
);
CREATE INDEX inspection_findings_inspection ON inspection_findings (inspection_id);
CREATE UNIQUE INDEX inspection_findings_client ON inspection_findings (inspection_id, client_id);
CREATE INDEX inspection_findings_enterprise ON inspection_findings (enterprise_id, grade);

-- wuxi att.1 一(一)5: photos are taken "征求意见同意后", once per visit.
CREATE TABLE visit_photo_consents (
  visit_id BIGINT PRIMARY KEY REFERENCES visits (id),
  consenting_person TEXT NOT NULL,
  recorded_by BIGINT NOT NULL REFERENCES users (id),
  recorded_at TEXT NOT NULL
);

CREATE TABLE training_records (
  id {{ID}},
  visit_id BIGINT NOT NULL REFERENCES visits (id),
  topic TEXT NOT NULL,
  trainer TEXT NOT NULL,
  -- [{name, role, signature_file_id | null}]
  attendees TEXT NOT NULL DEFAULT '[]',
  duration_minutes INTEGER NOT NULL,
  sign_in_sheet_file_id BIGINT,
  photo_file_ids TEXT NOT NULL DEFAULT '[]',
  feedback TEXT NOT NULL DEFAULT '',
  -- Given by the phone for a record made offline, so a retried sync stores it once.
  client_id TEXT,
  created_at TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users (id),
  updated_at TEXT NOT NULL
);
CREATE INDEX training_records_visit ON training_records (visit_id);
CREATE UNIQUE INDEX training_records_client ON training_records (visit_id, client_id);
