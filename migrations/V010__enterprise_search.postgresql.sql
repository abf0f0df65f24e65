-- Enterprise search by a substring of name, credit code or address (GET /enterprises?q=, 3 characters or more):
-- trigram indexes (pg_trgm, shipped with PostgreSQL and trusted, so the database owner may create it) that serve
-- the search's LIKE '%…%' on each column, instead of reading every row in scope.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX enterprises_name_trgm ON enterprises USING gin (name gin_trgm_ops);
CREATE INDEX enterprises_credit_code_trgm ON enterprises USING gin (credit_code gin_trgm_ops);
CREATE INDEX enterprises_registered_address_trgm ON enterprises USING gin (registered_address gin_trgm_ops);
CREATE INDEX enterprises_business_address_trgm ON enterprises USING gin (business_address gin_trgm_ops);
