-- The kinds of objects in the status history and of deadlines are checked in code (workflow::kObjectTypes,
-- services::deadline_kinds()), not by CHECK constraints: SQLite cannot alter a CHECK, so every new object type
-- rebuilt these tables (V014, V019, V021). They are rebuilt once more, without those checks, with the same rows,
-- ids and indexes.
CREATE TABLE status_events_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  object_type TEXT NOT NULL,
  object_id BIGINT NOT NULL,
  action TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  user_id BIGINT REFERENCES users (id),
  at TEXT NOT NULL
);
INSERT INTO status_events_new (id, object_type, object_id, action, from_status, to_status, reason, user_id, at)
SELECT id, object_type, object_id, action, from_status, to_status, reason, user_id, at FROM status_events;
DROP TABLE status_events;
ALTER TABLE status_events_new RENAME TO status_events;
CREATE INDEX status_events_object ON status_events (object_type, object_id);

CREATE TABLE deadlines_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id BIGINT NOT NULL,
  service_type_version_id BIGINT REFERENCES service_type_versions (id),
  enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
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
INSERT INTO deadlines_new (id, kind, object_type, object_id, service_type_version_id, enterprise_id,
                           responsible_org_id, watcher_org_id, starts_on, due_on, amount, unit, basis, status,
                           met_on, overdue, reminded, overdue_notified, created_at)
SELECT id, kind, object_type, object_id, service_type_version_id, enterprise_id, responsible_org_id,
       watcher_org_id, starts_on, due_on, amount, unit, basis, status, met_on, overdue, reminded,
       overdue_notified, created_at FROM deadlines;
DROP TABLE deadlines;
ALTER TABLE deadlines_new RENAME TO deadlines;
CREATE INDEX deadlines_open ON deadlines (status, due_on);
CREATE INDEX deadlines_object ON deadlines (object_type, object_id);
CREATE INDEX deadlines_responsible ON deadlines (responsible_org_id, status);
CREATE INDEX deadlines_parties ON deadlines (status, responsible_org_id, watcher_org_id, enterprise_id);
