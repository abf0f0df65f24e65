-- GET /hazards with more matches than a total counts to (src/platform/paging.hpp, `scan_from`): the page walks
-- back from the newest id testing every hazard, here in an index of the columns the list's filters and access
-- sets test (about 40 bytes a hazard) instead of the rows (about 450). A regulator of a city's overdue hazards
-- (12,031 enterprises at province scale) walk back 50,000 of them: 13 -> 8.5 ms for the page in the CLI,
-- 119 -> 24 ms from a cold cache. PostgreSQL's planner chooses its own walk and is not changed.
CREATE INDEX hazards_by_id ON hazards (id, enterprise_id, agency_org_id, status, grade, due_on);
