-- Commissions, service plans, visits, their deadlines and in-app notifications.
-- Dates people act on are China dates (YYYY-MM-DD text); moments are UTC ISO-8601 text.

-- An insurer asks an agency to serve a list of its insured enterprises (wuxi §14(二), §15(二)).
CREATE TABLE commissions (
  id {{ID}},
  insurer_org_id BIGINT NOT NULL REFERENCES organizations (id),
  agency_org_id BIGINT NOT NULL REFERENCES organizations (id),
  notes TEXT NOT NULL DEFAULT '',
  created_by BIGINT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL
);
CREATE INDEX commissions_insurer ON commissions (insurer_org_id);
CREATE INDEX commissions_agency ON commissions (agency_org_id);

-- The service types asked for, at the catalog version of the day.
CREATE TABLE commission_service_types (
  commission_id BIGINT NOT NULL REFERENCES commissions (id),
  service_type_version_id BIGINT NOT NULL REFERENCES service_type_versions (id),
  PRIMARY KEY (commission_id, service_type_version_id)
);

-- One enterprise of a commission and where it stands. The agency decides per enterprise.
CREATE TABLE commission_items (
  id {{ID}},
  commission_id BIGINT NOT NULL REFERENCES commissions (id),
  enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
  policy_id BIGINT REFERENCES policies (id),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'cancel_requested',
                                                          'cancelled', 'withdrawn', 'completed')),
  accepted_on TEXT,
  due_on TEXT,
  completed_on TEXT,
  reason TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  UNIQUE (commission_id, enterprise_id)
);
CREATE INDEX commission_items_enterprise ON commission_items (enterprise_id, status);
CREATE INDEX commission_items_status ON commission_items (status, due_on);

-- Per enterprise and year (wuxi §14(三); chengdu 5.3.1 and App. C).
CREATE TABLE service_plans (
  id {{ID}},
  enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
  year INTEGER NOT NULL,
  insurer_org_id BIGINT REFERENCES organizations (id),
  agency_org_id BIGINT NOT NULL REFERENCES organizations (id),
  policy_id BIGINT REFERENCES policies (id),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'proposed', 'agreed', 'returned')),
  enterprise_overview TEXT NOT NULL DEFAULT '',
  facilities_and_processes TEXT NOT NULL DEFAULT '',
  accident_history TEXT NOT NULL DEFAULT '',
  -- [{topic, audience, form, kind, materials, time}]: App. C table 1.
  training_plan TEXT NOT NULL DEFAULT '[]',
  safeguards TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  return_comments TEXT NOT NULL DEFAULT '',
  created_by_org_id BIGINT NOT NULL REFERENCES organizations (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  agreed_at TEXT,
  UNIQUE (enterprise_id, year, agency_org_id)
);
CREATE INDEX service_plans_agency ON service_plans (agency_org_id);
CREATE INDEX service_plans_insurer ON service_plans (insurer_org_id);

CREATE TABLE service_plan_items (
  plan_id BIGINT NOT NULL REFERENCES service_plans (id),
  position INTEGER NOT NULL,
  service_type_version_id BIGINT NOT NULL REFERENCES service_type_versions (id),
  measures TEXT NOT NULL DEFAULT '',
  frequency TEXT NOT NULL DEFAULT '',
  expected_results TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (plan_id, position)
);

CREATE TABLE service_plan_staff (
  plan_id BIGINT NOT NULL REFERENCES service_plans (id),
  staff_id BIGINT NOT NULL REFERENCES staff (id),
  PRIMARY KEY (plan_id, staff_id)
);

-- One trip to an enterprise; it may cover several service types (进一次门、查多项事).
CREATE TABLE visits (
  id {{ID}},
  enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
  agency_org_id BIGINT NOT NULL REFERENCES organizations (id),
  commission_item_id BIGINT REFERENCES commission_items (id),
  plan_id BIGINT REFERENCES service_plans (id),
  planned_on TEXT NOT NULL,
  duration_days INTEGER NOT NULL DEFAULT 1,
  special_request INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'planned'
    CHECK (status IN ('planned', 'confirmed', 'in_progress', 'done', 'could_not_enter', 'cancelled')),
  not_entered_reason TEXT NOT NULL DEFAULT ''
    CHECK (not_entered_reason IN ('', 'refused', 'not_operating', 'address_changed', 'other')),
  status_note TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  started_at TEXT,
  done_on TEXT,
  data_uploaded_on TEXT,
  reviewed_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX visits_enterprise ON visits (enterprise_id, status);
CREATE INDEX visits_agency ON visits (agency_org_id, planned_on);
CREATE INDEX visits_planned ON visits (planned_on);

CREATE TABLE visit_service_types (
  visit_id BIGINT NOT NULL REFERENCES visits (id),
  service_type_version_id BIGINT NOT NULL REFERENCES service_type_versions (id),
  PRIMARY KEY (visit_id, service_type_version_id)
);

CREATE TABLE visit_team (
  visit_id BIGINT NOT NULL REFERENCES visits (id),
  staff_id BIGINT NOT NULL REFERENCES staff (id),
  leader INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (visit_id, staff_id)
);
CREATE INDEX visit_team_staff ON visit_team (staff_id);

-- Who changed the status of a commission item, plan or visit, when and why.
CREATE TABLE status_events (
  id {{ID}},
  object_type TEXT NOT NULL CHECK (object_type IN ('commission_item', 'service_plan', 'visit')),
  object_id BIGINT NOT NULL,
  action TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  user_id BIGINT REFERENCES users (id),
  at TEXT NOT NULL
);
CREATE INDEX status_events_object ON status_events (object_type, object_id);

-- Every dated obligation the platform tracks; the daily job flags the overdue ones.
CREATE TABLE deadlines (
  id {{ID}},
  kind TEXT NOT NULL CHECK (kind IN ('commission_on_site', 'data_upload', 'report_review')),
  object_type TEXT NOT NULL CHECK (object_type IN ('commission_item', 'visit')),
  object_id BIGINT NOT NULL,
  service_type_version_id BIGINT REFERENCES service_type_versions (id),
  enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
  -- The organization that must act, and the other party who follows it.
  responsible_org_id BIGINT NOT NULL REFERENCES organizations (id),
  watcher_org_id BIGINT REFERENCES organizations (id),
  starts_on TEXT NOT NULL,
  due_on TEXT NOT NULL,
  amount INTEGER NOT NULL,
  unit TEXT NOT NULL CHECK (unit IN ('working_days', 'calendar_days')),
  basis TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'met', 'cancelled')),
  met_on TEXT,
  overdue INTEGER NOT NULL DEFAULT 0,
  reminded INTEGER NOT NULL DEFAULT 0,
  overdue_notified INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX deadlines_open ON deadlines (status, due_on);
CREATE INDEX deadlines_object ON deadlines (object_type, object_id);
CREATE INDEX deadlines_responsible ON deadlines (responsible_org_id, status);

CREATE TABLE notifications (
  id {{ID}},
  user_id BIGINT NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  title_en TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  body_en TEXT NOT NULL DEFAULT '',
  object_type TEXT NOT NULL DEFAULT '',
  object_id BIGINT,
  created_at TEXT NOT NULL,
  read_at TEXT
);
CREATE INDEX notifications_user ON notifications (user_id, read_at);

-- The China date each daily job last ran, so a restart does not repeat it.
CREATE TABLE job_runs (
  job TEXT PRIMARY KEY,
  last_run_on TEXT NOT NULL
);

-- Commissions replace the interim agency link of the registry.
DROP TABLE enterprise_agencies;
