-- A list of open deadlines tests its party's access rule on deadlines_due alone again: since V045 a regulator's
-- rule reads the deadline's region, which the index lacked, so each of the province's 4,088 open overdue
-- deadlines was read from its row (a city's regulator, its 509: 4.6 -> 0.7 ms to count in the CLI, with the
-- statistics the server gathers). Open deadlines by watching organization and due day let PostgreSQL, and
-- SQLite with full statistics, answer the rule as an OR of three index ranges (the responsible organization's,
-- the watching one's, V045's region).
DROP INDEX deadlines_due;
CREATE INDEX deadlines_due ON deadlines (status, due_on, responsible_org_id, watcher_org_id, enterprise_id, region_id);
CREATE INDEX deadlines_watching ON deadlines (watcher_org_id, status, due_on);
