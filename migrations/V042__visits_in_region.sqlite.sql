-- A visit carries its enterprise's region, as a hazard does (V041), so that a regulator's visits of a month are
-- found through an index of region and date instead of one seek for each enterprise of its jurisdiction. The
-- access model tests it as the record's jurisdiction (access/entities.hpp, Joined::region). Triggers keep it:
-- a visit takes it when it is written or moves to another enterprise, and an enterprise that moves takes its
-- visits along.
ALTER TABLE visits ADD COLUMN region_id INTEGER;
UPDATE visits SET region_id = (SELECT e.region_id FROM enterprises e WHERE e.id = visits.enterprise_id);
CREATE INDEX visits_in_region ON visits (region_id, planned_on);

CREATE TRIGGER visits_region_after_insert AFTER INSERT ON visits
BEGIN
    UPDATE visits SET region_id = (SELECT e.region_id FROM enterprises e WHERE e.id = NEW.enterprise_id)
    WHERE id = NEW.id;
END;

CREATE TRIGGER visits_region_after_move AFTER UPDATE OF enterprise_id ON visits
BEGIN
    UPDATE visits SET region_id = (SELECT e.region_id FROM enterprises e WHERE e.id = NEW.enterprise_id)
    WHERE id = NEW.id;
END;

CREATE TRIGGER enterprises_region_to_visits AFTER UPDATE OF region_id ON enterprises
WHEN OLD.region_id IS NOT NEW.region_id
BEGIN
    UPDATE visits SET region_id = NEW.region_id WHERE enterprise_id = NEW.id;
END;
