-- The trigram indexes of V010 were on the bare columns, and pg_trgm's operator class serves `=` too: the planner
-- then answered `credit_code IN (…)` (an import's look-up of 500 codes) from the trigram index instead of the
-- unique one, which costs seconds once a few thousand rows share most of their trigrams (a 12,000-row import
-- took minutes). On lower(column) they serve only the search, written `lower(column) LIKE lower(?)`, which
-- also keeps it case-insensitive for ASCII letters as SQLite's LIKE is; equality keeps its B-tree.
DROP INDEX enterprises_name_trgm;
DROP INDEX enterprises_credit_code_trgm;
DROP INDEX enterprises_registered_address_trgm;
DROP INDEX enterprises_business_address_trgm;
CREATE INDEX enterprises_name_trgm ON enterprises USING gin (lower(name) gin_trgm_ops);
CREATE INDEX enterprises_credit_code_trgm ON enterprises USING gin (lower(credit_code) gin_trgm_ops);
CREATE INDEX enterprises_registered_address_trgm ON enterprises USING gin (lower(registered_address) gin_trgm_ops);
CREATE INDEX enterprises_business_address_trgm ON enterprises USING gin (lower(business_address) gin_trgm_ops);
