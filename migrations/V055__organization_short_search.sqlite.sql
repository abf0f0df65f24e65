-- The organizations' picker by name or credit code (GET /organizations?q=环): LIKE on every organization in the
-- actor's scope read each of them (a city regulator's 9,500 located organizations: 10 ms of CPU a request, 191 req/s
-- at province scale). This index holds, per organization, the pieces of its name and credit code as V017 cuts
-- an enterprise's (db::text_pieces): the list takes the organizations it finds for the text's pieces, and LIKE then
-- says which hold the text. Contentless with detail=none, as V017's. The sqlite3 command-line tool cannot write
-- organizations' names (text_pieces() is the server's own function).
CREATE VIRTUAL TABLE organizations_short_search USING fts5(pieces, content = '', detail = none, tokenize = 'ascii');

INSERT INTO organizations_short_search (rowid, pieces)
SELECT id, text_pieces(name, credit_code) FROM organizations;

-- A contentless index forgets a row only when given the tokens it was given: the delete recomputes them from the
-- old values.
CREATE TRIGGER organizations_short_search_insert AFTER INSERT ON organizations BEGIN
  INSERT INTO organizations_short_search (rowid, pieces) VALUES (new.id, text_pieces(new.name, new.credit_code));
END;

CREATE TRIGGER organizations_short_search_delete AFTER DELETE ON organizations BEGIN
  INSERT INTO organizations_short_search (organizations_short_search, rowid, pieces)
  VALUES ('delete', old.id, text_pieces(old.name, old.credit_code));
END;

CREATE TRIGGER organizations_short_search_update AFTER UPDATE OF name, credit_code ON organizations BEGIN
  INSERT INTO organizations_short_search (organizations_short_search, rowid, pieces)
  VALUES ('delete', old.id, text_pieces(old.name, old.credit_code));
  INSERT INTO organizations_short_search (rowid, pieces) VALUES (new.id, text_pieces(new.name, new.credit_code));
END;
