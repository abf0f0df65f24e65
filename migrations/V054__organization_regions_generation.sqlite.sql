-- A number that changes whenever the organizations located in a region may have: an organization's region is
-- added, removed or changed. A regulator's organizations (access::Relation::located: the staff and the
-- organizations it reads) are kept as a set of ids between requests (db::Connection::kept_id_set,
-- accounts::org_in_jurisdiction) until it changes. PostgreSQL plans the set itself and keeps none.
CREATE TABLE organization_regions_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    generation INTEGER NOT NULL
);
INSERT INTO organization_regions_generation (id, generation) VALUES (1, 1);

CREATE TRIGGER organization_regions_after_insert AFTER INSERT ON organization_regions
BEGIN
    UPDATE organization_regions_generation SET generation = generation + 1;
END;

CREATE TRIGGER organization_regions_after_delete AFTER DELETE ON organization_regions
BEGIN
    UPDATE organization_regions_generation SET generation = generation + 1;
END;

CREATE TRIGGER organization_regions_after_change AFTER UPDATE ON organization_regions
WHEN OLD.org_id IS NOT NEW.org_id OR OLD.region_id IS NOT NEW.region_id
BEGIN
    UPDATE organization_regions_generation SET generation = generation + 1;
END;
