-- Notices 文书 as records (issue 12): drafted by the issuing organization from a visit's hazards or by hand,
-- edited while a draft, issued with the number its pattern gives (V020's counter moves in the issuing
-- transaction), and received by the enterprise: signed on a phone or a scan of the signed paper uploaded.
CREATE TABLE notices (
  id {{ID}},
  kind TEXT NOT NULL CHECK (kind IN ('warning', 'reminder', 'rectification', 'inspection')),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'received', 'cancelled')),
  -- Taken at issue; '' for a draft and for a kind whose pattern is empty.
  number TEXT NOT NULL DEFAULT '',
  issuer_org_id BIGINT NOT NULL REFERENCES organizations (id),
  enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
  visit_id BIGINT REFERENCES visits (id),
  -- What the seeds leave as XX and the enterprise, visit and hazards do not give (notice_document.hpp).
  staff TEXT NOT NULL DEFAULT '',
  visited_on TEXT,
  period TEXT NOT NULL DEFAULT '',
  deadline_days INTEGER,
  law TEXT NOT NULL DEFAULT '',
  plan_due_on TEXT,
  submit_to TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  area TEXT NOT NULL DEFAULT '',
  contractor TEXT NOT NULL DEFAULT '',
  check_items TEXT NOT NULL DEFAULT '[]',
  -- Problems written by hand, after those of the linked hazards: [{description, basis, suggestion}].
  problems TEXT NOT NULL DEFAULT '[]',
  contact TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  issued_on TEXT,
  issued_at TEXT,
  issued_by BIGINT REFERENCES users (id),
  -- The receipt 签收: who signed, on which day, and the signature drawn on a phone or the signed paper scanned.
  receipt_kind TEXT CHECK (receipt_kind IN ('signature', 'scan')),
  received_by_name TEXT NOT NULL DEFAULT '',
  received_on TEXT,
  receipt_file_id BIGINT REFERENCES files (id),
  receipt_recorded_by BIGINT REFERENCES users (id),
  received_at TEXT,
  created_by BIGINT REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- GET /notices at province scale: each filter's index ends with the id the list is ordered by; the access
-- sets test issuer_org_id / enterprise_id. Status and kind each have their own (status, kind, id) left a
-- regulator's ?status= list walking every notice: 0.9 s against 0.02–0.15 s (bench/README.md).
CREATE INDEX notices_issuer ON notices (issuer_org_id, status, id);
CREATE INDEX notices_enterprise ON notices (enterprise_id, status, id);
CREATE INDEX notices_status ON notices (status, id);
CREATE INDEX notices_kind ON notices (kind, id);
CREATE INDEX notices_visit ON notices (visit_id);

-- The hazards a notice tells the enterprise of, in the notice's order; issuing it notifies each.
CREATE TABLE notice_hazards (
  notice_id BIGINT NOT NULL REFERENCES notices (id),
  hazard_id BIGINT NOT NULL REFERENCES hazards (id),
  position INTEGER NOT NULL,
  PRIMARY KEY (notice_id, hazard_id)
);
CREATE INDEX notice_hazards_hazard ON notice_hazards (hazard_id);

-- Notices take part in the status history. SQLite cannot change a CHECK constraint in place, so the table is
-- rebuilt with the same rows, ids and index.
CREATE TABLE status_events_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  object_type TEXT NOT NULL CHECK (object_type IN ('commission_item', 'service_plan', 'visit', 'inspection',
                                                   'hazard', 'notice')),
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
