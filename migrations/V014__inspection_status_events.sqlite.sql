-- The status history takes inspections too (open → submitted → signed). SQLite cannot change a CHECK constraint
-- in place, so the table is rebuilt with the same rows and ids.
CREATE TABLE status_events_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  object_type TEXT NOT NULL CHECK (object_type IN ('commission_item', 'service_plan', 'visit', 'inspection')),
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
