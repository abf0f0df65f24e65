-- Suggested sum insured 建议保额 (issue 13; wuxi 第九条（一）"为环境污染责任保险投保提供风险等级和建议保额"): the
-- table of bands an insurer publishes — risk level × enterprise scale, optionally × industry group → a band of
-- cumulative limits in 万元 — as numbered versions. A version is never changed once published: a report names
-- the version it used, so publishing again adds the next one. An insurer without a version uses the shipped
-- example (data/sum_insured/example.json, 示例，需保险机构确认).
CREATE TABLE sum_insured_tables (
  id {{ID}},
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  bands TEXT NOT NULL,  -- JSON: [{level, scale, industry, min_wan, max_wan}], checked by suminsured::read_table
  published_at TEXT NOT NULL,
  published_by BIGINT NOT NULL REFERENCES users (id),
  UNIQUE (org_id, version)
);
