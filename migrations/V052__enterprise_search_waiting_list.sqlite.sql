-- A new enterprise went into both text indexes (V010, V017) in its own write: FTS5 writes what a statement added
-- as a segment of its own when the statement ends, and merges those segments as they pile up. At province scale
-- that was over half of creating an enterprise (the write lock's turn), and writes queue behind the lock.
-- New and changed enterprises now wait in this list and go into the indexes many at a time, in one statement
-- (registry/enterprise_search_index.cpp: the server every 100 ms, an import at the end of each chunk). The
-- search tests the waiting ones on their columns, so it finds them before they are indexed.
-- An enterprise is in the indexes or in this list, never both: an index forgets a row only when given the values
-- it was given, so the values of a waiting enterprise must never be taken out of an index.
CREATE TABLE enterprise_search_waiting (enterprise_id INTEGER PRIMARY KEY);

DROP TRIGGER enterprises_search_insert;
DROP TRIGGER enterprises_search_update;
DROP TRIGGER enterprises_search_delete;
DROP TRIGGER enterprises_short_search_insert;
DROP TRIGGER enterprises_short_search_update;
DROP TRIGGER enterprises_short_search_delete;

CREATE TRIGGER enterprises_search_insert AFTER INSERT ON enterprises BEGIN
  INSERT INTO enterprise_search_waiting (enterprise_id) VALUES (new.id);
END;

-- An indexed enterprise whose searched text changes leaves the indexes (with its old values) and waits. An update
-- that sets the searched columns to what they were (a whole form saved) leaves the indexes alone.
CREATE TRIGGER enterprises_search_update
AFTER UPDATE OF name, credit_code, registered_address, business_address ON enterprises
WHEN (old.name IS NOT new.name OR old.credit_code IS NOT new.credit_code
      OR old.registered_address IS NOT new.registered_address OR old.business_address IS NOT new.business_address)
  AND NOT EXISTS (SELECT 1 FROM enterprise_search_waiting WHERE enterprise_id = old.id) BEGIN
  INSERT INTO enterprises_search (enterprises_search, rowid, name, credit_code, registered_address, business_address)
  VALUES ('delete', old.id, old.name, old.credit_code, old.registered_address, old.business_address);
  INSERT INTO enterprises_short_search (enterprises_short_search, rowid, pieces)
  VALUES ('delete', old.id, text_pieces(old.name, old.credit_code, old.registered_address, old.business_address));
  INSERT INTO enterprise_search_waiting (enterprise_id) VALUES (old.id);
END;

CREATE TRIGGER enterprises_search_delete AFTER DELETE ON enterprises BEGIN
  INSERT INTO enterprises_search (enterprises_search, rowid, name, credit_code, registered_address, business_address)
  SELECT 'delete', old.id, old.name, old.credit_code, old.registered_address, old.business_address
  WHERE NOT EXISTS (SELECT 1 FROM enterprise_search_waiting WHERE enterprise_id = old.id);
  INSERT INTO enterprises_short_search (enterprises_short_search, rowid, pieces)
  SELECT 'delete', old.id, text_pieces(old.name, old.credit_code, old.registered_address, old.business_address)
  WHERE NOT EXISTS (SELECT 1 FROM enterprise_search_waiting WHERE enterprise_id = old.id);
  DELETE FROM enterprise_search_waiting WHERE enterprise_id = old.id;
END;
