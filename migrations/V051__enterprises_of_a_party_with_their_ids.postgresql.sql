-- The enterprises an organization registered, and a park's, with their ids: a party's set of enterprises is
-- read from the index alone. PostgreSQL's index entries hold no id (SQLite's hold the rowid, the id), so each
-- one read its row: an insurer's 3,784 registered enterprises, 3,053 pages of the table, 6.5 ms; from the index
-- 0.4 ms (its visits of a month counted 18.8 -> 12 ms).
DROP INDEX enterprises_creator;
CREATE INDEX enterprises_creator ON enterprises (created_by_org_id, id);
DROP INDEX enterprises_park;
CREATE INDEX enterprises_park ON enterprises (park_org_id, id);
