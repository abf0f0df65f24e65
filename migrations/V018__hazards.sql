-- Hazards 隐患 and their rectification 整改 (issue 12). A hazard is one row of chengdu App. C Table 9
-- 隐患排查治理台账 (its 17 columns map onto these, see src/hazards/hazard_rules.hpp), found on a visit — from
-- a submitted inspection's finding or recorded by hand — and followed to closure through the workflow engine
-- (found → notified → plan_submitted → rectifying → evidence_submitted → verified_closed).
CREATE TABLE hazards (
  id {{ID}},
  enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
  -- The agency that found it and follows it: its inspectors and reviewers read and write it.
  agency_org_id BIGINT NOT NULL REFERENCES organizations (id),
  visit_id BIGINT NOT NULL REFERENCES visits (id),
  inspection_id BIGINT REFERENCES inspections (id),
  -- The finding it was made from: a finding becomes at most one hazard.
  finding_id BIGINT REFERENCES inspection_findings (id),
  item_id TEXT NOT NULL DEFAULT '',
  -- Table 9 排查时间, 排查人员.
  found_on TEXT NOT NULL,
  found_by TEXT NOT NULL DEFAULT '',
  domain TEXT NOT NULL CHECK (domain IN ('environment', 'safety')),
  -- Table 9 隐患分类类别 and 隐患细类 (codes of the vocabularies in src/hazards/hazard_vocabularies.cpp).
  category TEXT NOT NULL,
  sub_category TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL,
  location TEXT NOT NULL DEFAULT '',
  photo_file_ids TEXT NOT NULL DEFAULT '[]',
  grade TEXT NOT NULL CHECK (grade IN ('major', 'general')),
  basis TEXT NOT NULL DEFAULT '',
  suggestion TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'found' CHECK (status IN ('found', 'notified', 'plan_submitted', 'rectifying',
                                                         'evidence_submitted', 'verified_closed')),
  -- The rectification deadline the agency set, as given (working days from the day it was set, or a date).
  due_on TEXT,
  due_amount INTEGER,
  due_unit TEXT CHECK (due_unit IN ('working_days', 'date')),
  -- The enterprise's plan: Table 9 治理措施, 治理时限, 责任人, 经费.
  plan_measures TEXT NOT NULL DEFAULT '',
  plan_due_on TEXT,
  plan_responsible TEXT NOT NULL DEFAULT '',
  plan_funds_fen BIGINT,
  -- Table 9 治理情况描述, 治理照片.
  evidence_description TEXT NOT NULL DEFAULT '',
  evidence_photo_file_ids TEXT NOT NULL DEFAULT '[]',
  -- Table 9 验收时间, 验收人员, and the result and photos of the acceptance.
  accepted_on TEXT,
  accepted_by TEXT NOT NULL DEFAULT '',
  acceptance_result TEXT NOT NULL DEFAULT '',
  acceptance_photo_file_ids TEXT NOT NULL DEFAULT '[]',
  remarks TEXT NOT NULL DEFAULT '',
  escalated_on TEXT,
  created_by BIGINT REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX hazards_finding ON hazards (finding_id);
CREATE INDEX hazards_visit ON hazards (visit_id);
-- GET /hazards at province scale (bench): each filter's index ends with the id the list is ordered by, so a
-- page is read in index order and stops after it; the access sets test agency_org_id / enterprise_id.
CREATE INDEX hazards_status ON hazards (status, grade, id);
CREATE INDEX hazards_enterprise ON hazards (enterprise_id, status, id);
CREATE INDEX hazards_agency ON hazards (agency_org_id, status, id);
-- The daily job's overdue and escalation sweep, and ?overdue=true.
CREATE INDEX hazards_due ON hazards (due_on, status);

-- The enterprise's notes while it rectifies (Table 9 治理情况 as it goes).
CREATE TABLE hazard_progress (
  id {{ID}},
  hazard_id BIGINT NOT NULL REFERENCES hazards (id),
  note TEXT NOT NULL,
  photo_file_ids TEXT NOT NULL DEFAULT '[]',
  created_by BIGINT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL
);
CREATE INDEX hazard_progress_hazard ON hazard_progress (hazard_id);

-- wuxi 第十五条（五）: a visit to an enterprise that had 重大 hazards re-checks every earlier hazard not closed;
-- a hazard found not rectified carries over — linked to the new visit here, not copied.
CREATE TABLE hazard_rechecks (
  visit_id BIGINT NOT NULL REFERENCES visits (id),
  hazard_id BIGINT NOT NULL REFERENCES hazards (id),
  result TEXT CHECK (result IN ('rectified', 'not_rectified')),
  note TEXT NOT NULL DEFAULT '',
  checked_by BIGINT REFERENCES users (id),
  checked_at TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (visit_id, hazard_id)
);
CREATE INDEX hazard_rechecks_hazard ON hazard_rechecks (hazard_id);

-- chengdu 6.3.2.3 "及时向应急管理部门报告不整改的投保单位": an overdue 重大 hazard, or any hazard overdue by more
-- than 10 working days, is reported once to the regulators of the enterprise's region.
CREATE TABLE hazard_escalations (
  id {{ID}},
  hazard_id BIGINT NOT NULL UNIQUE REFERENCES hazards (id),
  enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
  agency_org_id BIGINT NOT NULL REFERENCES organizations (id),
  rule TEXT NOT NULL CHECK (rule IN ('major_overdue', 'long_overdue')),
  due_on TEXT NOT NULL,
  working_days_overdue INTEGER NOT NULL,
  escalated_on TEXT NOT NULL,
  -- The regulators told, as a JSON list of organization ids.
  regulator_org_ids TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL
);
CREATE INDEX hazard_escalations_enterprise ON hazard_escalations (enterprise_id, id);
CREATE INDEX hazard_escalations_agency ON hazard_escalations (agency_org_id, id);
