-- The 环责险风险评估报告 (issue 13; wuxi 第九条（一）, att.1 一(一)7): the report of a visit whose service types include
-- the 环责险风险评估 carries the enterprise's HJ 941 assessment. Each submission names the assessment its frozen
-- PDF printed, so approving that version marks exactly that assessment reviewed (and the enterprise's level
-- follows it), whatever was assessed after. NULL: another report, or no assessment yet.
ALTER TABLE report_submissions ADD COLUMN env_risk_assessment_id BIGINT REFERENCES env_risk_assessments (id);
