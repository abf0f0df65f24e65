-- A number that changes whenever the enterprises of a region may have: one is added or removed, or moves to
-- another region. A regulator's enterprises are kept as a set of ids between requests
-- (db::Connection::kept_id_set, accounts::enterprise_in_jurisdiction) until it changes. PostgreSQL plans the
-- set itself and keeps none.
CREATE TABLE enterprise_regions_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    generation INTEGER NOT NULL
);
INSERT INTO enterprise_regions_generation (id, generation) VALUES (1, 1);

CREATE TRIGGER enterprise_regions_after_insert AFTER INSERT ON enterprises
BEGIN
    UPDATE enterprise_regions_generation SET generation = generation + 1;
END;

CREATE TRIGGER enterprise_regions_after_delete AFTER DELETE ON enterprises
BEGIN
    UPDATE enterprise_regions_generation SET generation = generation + 1;
END;

CREATE TRIGGER enterprise_regions_after_move AFTER UPDATE OF region_id ON enterprises
WHEN OLD.region_id IS NOT NEW.region_id
BEGIN
    UPDATE enterprise_regions_generation SET generation = generation + 1;
END;
