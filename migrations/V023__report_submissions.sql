-- The visit's report 隐患排查报告 / 现场勘查评估报告 as the agency submits it for review (wuxi att.1 一(一)7:
-- uploaded within 5 working days, reviewed within 10; chengdu 6.3.2.4: reviewed and fed back within 7 working
-- days of the on-site service). Each submission is one version: the PDF the server rendered at that moment,
-- kept in the file store under its SHA-256, then approved or returned with the reviewer's comment. A returned
-- report is submitted again as the next version; an approved one is final — its row keeps the hash of the
-- stored bytes, which are served as they are, so later edits of the visit do not change it.
CREATE TABLE report_submissions (
  id {{ID}},
  visit_id BIGINT NOT NULL REFERENCES visits (id),
  version INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('hazard_screening', 'site_survey')),
  title TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'returned', 'approved')),
  pdf_sha256 TEXT NOT NULL,
  pdf_size BIGINT NOT NULL,
  submitted_by BIGINT NOT NULL REFERENCES users (id),
  submitted_at TEXT NOT NULL,
  reviewed_by BIGINT REFERENCES users (id),
  reviewed_at TEXT,
  review_comment TEXT NOT NULL DEFAULT '',
  UNIQUE (visit_id, version)
);
