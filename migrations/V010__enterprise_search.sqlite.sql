-- Enterprise search by a substring of name, credit code or address (GET /enterprises?q=, 3 characters or more):
-- an FTS5 index of trigrams over those columns, kept by triggers, instead of LIKE '%…%' over every row in scope
-- (province scale: 460-1,300 ms per search before). The table holds only the index; the text stays in enterprises.
CREATE VIRTUAL TABLE enterprises_search USING fts5(
  name, credit_code, registered_address, business_address,
  content = 'enterprises', content_rowid = 'id', tokenize = 'trigram');
INSERT INTO enterprises_search (enterprises_search) VALUES ('rebuild');

CREATE TRIGGER enterprises_search_insert AFTER INSERT ON enterprises BEGIN
  INSERT INTO enterprises_search (rowid, name, credit_code, registered_address, business_address)
  VALUES (new.id, new.name, new.credit_code, new.registered_address, new.business_address);
END;

CREATE TRIGGER enterprises_search_delete AFTER DELETE ON enterprises BEGIN
  INSERT INTO enterprises_search (enterprises_search, rowid, name, credit_code, registered_address, business_address)
  VALUES ('delete', old.id, old.name, old.credit_code, old.registered_address, old.business_address);
END;

CREATE TRIGGER enterprises_search_update
AFTER UPDATE OF name, credit_code, registered_address, business_address ON enterprises BEGIN
  INSERT INTO enterprises_search (enterprises_search, rowid, name, credit_code, registered_address, business_address)
  VALUES ('delete', old.id, old.name, old.credit_code, old.registered_address, old.business_address);
  INSERT INTO enterprises_search (rowid, name, credit_code, registered_address, business_address)
  VALUES (new.id, new.name, new.credit_code, new.registered_address, new.business_address);
END;
