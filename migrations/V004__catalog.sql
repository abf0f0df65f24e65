-- The service catalog (服务目录): classes, types and the versions of each type's rules.
-- A type's rules never change in place: an edit adds a version, and commissions, plans and visits keep
-- the version they were made with. Lists are JSON text; flags are 0/1.

CREATE TABLE service_classes (
  id {{ID}},
  code TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL CHECK (source IN ('wuxi', 'chengdu', 'xuzhou', 'guilin', 'custom')),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  reference TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE service_types (
  id {{ID}},
  code TEXT NOT NULL UNIQUE,
  class_id BIGINT NOT NULL REFERENCES service_classes (id),
  active INTEGER NOT NULL DEFAULT 1,
  current_version INTEGER NOT NULL,
  position INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX service_types_class ON service_types (class_id, position);

CREATE TABLE service_type_versions (
  id {{ID}},
  type_id BIGINT NOT NULL REFERENCES service_types (id),
  version INTEGER NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  reference TEXT NOT NULL DEFAULT '',
  insurance_type TEXT NOT NULL CHECK (insurance_type IN ('environmental', 'work_safety', 'park_hosting')),
  on_site INTEGER NOT NULL,
  annual_survey INTEGER NOT NULL,
  deliverables TEXT NOT NULL DEFAULT '[]',
  -- NULL when the seed sets no upload deadline for the type.
  upload_working_days INTEGER CHECK (upload_working_days >= 0),
  upload_from TEXT NOT NULL DEFAULT 'service_end' CHECK (upload_from IN ('service_end', 'filing_receipt')),
  upload_basis TEXT NOT NULL DEFAULT '',
  min_people INTEGER NOT NULL CHECK (min_people >= 2),
  min_people_large INTEGER NOT NULL CHECK (min_people_large >= min_people),
  expert_always INTEGER NOT NULL,
  checklists TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  -- NULL for the versions installed from the shipped catalog file.
  created_by BIGINT REFERENCES users (id),
  UNIQUE (type_id, version)
);
