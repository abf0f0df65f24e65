-- An enterprise's id with the columns its access rules and the archive filter test: a list whose rows are found
-- by id elsewhere (a search's text index hits) tests each hit in this index instead of the enterprise's row,
-- a page of its own for every few enterprises (a regulator's 9,166 hits of 科技有限 at province scale:
-- 31 -> 5 ms to count in the CLI with SQLite's default cache). PostgreSQL tests its search with its trigram
-- indexes and is not changed.
CREATE INDEX enterprises_access ON enterprises (id, archived, region_id, created_by_org_id);
