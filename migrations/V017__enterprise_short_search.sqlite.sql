-- Enterprise search by one or two characters (GET /enterprises?q=化工): V010's trigram index cannot answer a text
-- shorter than three characters, so such a search read every row in scope with LIKE (province scale: 0.4 s alone,
-- seconds under load). This index holds, per enterprise, the pieces of its name, credit code and addresses: every
-- two consecutive characters and the last character of each, ASCII lowered as LIKE compares, each piece one token
-- (its UTF-8 bytes in hex, so the tokenizer sees no punctuation or spaces inside a piece). Two characters are one
-- exact token; one character is a token prefix (a piece starting with it, or a field ending in it). Contentless with
-- detail=none: only which rows hold a token is stored, which is all the search asks.
-- text_pieces() is the server's own SQL function (src/platform/db/text_pieces.hpp, registered on every connection):
-- the sqlite3 command-line tool cannot write enterprises' searched columns.
CREATE VIRTUAL TABLE enterprises_short_search USING fts5(pieces, content = '', detail = none, tokenize = 'ascii');

INSERT INTO enterprises_short_search (rowid, pieces)
SELECT id, text_pieces(name, credit_code, registered_address, business_address) FROM enterprises;

-- A contentless index forgets a row only when given the tokens it was given: the delete recomputes them from the
-- old values.
CREATE TRIGGER enterprises_short_search_insert AFTER INSERT ON enterprises BEGIN
  INSERT INTO enterprises_short_search (rowid, pieces)
  VALUES (new.id, text_pieces(new.name, new.credit_code, new.registered_address, new.business_address));
END;

CREATE TRIGGER enterprises_short_search_delete AFTER DELETE ON enterprises BEGIN
  INSERT INTO enterprises_short_search (enterprises_short_search, rowid, pieces)
  VALUES ('delete', old.id, text_pieces(old.name, old.credit_code, old.registered_address, old.business_address));
END;

CREATE TRIGGER enterprises_short_search_update
AFTER UPDATE OF name, credit_code, registered_address, business_address ON enterprises BEGIN
  INSERT INTO enterprises_short_search (enterprises_short_search, rowid, pieces)
  VALUES ('delete', old.id, text_pieces(old.name, old.credit_code, old.registered_address, old.business_address));
  INSERT INTO enterprises_short_search (rowid, pieces)
  VALUES (new.id, text_pieces(new.name, new.credit_code, new.registered_address, new.business_address));
END;
