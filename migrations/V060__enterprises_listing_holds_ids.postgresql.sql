-- An insurer's or an agency's enterprises of a region are tested against its set of enterprises by id
-- (access/visibility.cpp) while the list walks enterprises_listing. PostgreSQL's index entries hold no id
-- (SQLite's hold the rowid, the id), so each of the region's entries read its row to test it: an insurer's
-- enterprises of a city at the general risk level, 7,597 rows read for 2,811 of its own, counted in 17 ms and
-- paged in 10 ms; from the index alone 4.0 and 3.4 ms.
DROP INDEX enterprises_listing;
CREATE INDEX enterprises_listing ON enterprises (archived, region_id, risk_level, name, created_by_org_id, id);
