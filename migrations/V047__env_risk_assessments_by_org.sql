-- The assessments an organization made, newest first: an agency's list of its assessments read every assessment
-- of the province without it (96,000 generated, 83 ms a request). A report that printed an assessment, by it:
-- each assessment of a list looks its latest report up.
CREATE INDEX env_risk_assessments_org ON env_risk_assessments (org_id, id);
CREATE INDEX report_submissions_assessment ON report_submissions (env_risk_assessment_id);
