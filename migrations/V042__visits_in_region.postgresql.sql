-- A visit carries its enterprise's region, as a hazard does (V041; the SQLite file of this version says
-- more). Triggers keep it: a visit takes it when it is written or moves to another enterprise, and an
-- enterprise that moves takes its visits along.
ALTER TABLE visits ADD COLUMN region_id BIGINT;
UPDATE visits v SET region_id = e.region_id FROM enterprises e WHERE e.id = v.enterprise_id;
ALTER TABLE visits ALTER COLUMN region_id SET NOT NULL;
CREATE INDEX visits_in_region ON visits (region_id, planned_on);

CREATE FUNCTION visits_take_enterprise_region() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.region_id := (SELECT e.region_id FROM enterprises e WHERE e.id = NEW.enterprise_id);
    RETURN NEW;
END $$;
CREATE TRIGGER visits_enterprise_region BEFORE INSERT OR UPDATE OF enterprise_id ON visits
FOR EACH ROW EXECUTE FUNCTION visits_take_enterprise_region();

CREATE FUNCTION enterprises_region_to_visits() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE visits SET region_id = NEW.region_id WHERE enterprise_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER enterprises_region_to_visits AFTER UPDATE OF region_id ON enterprises
FOR EACH ROW WHEN (OLD.region_id IS DISTINCT FROM NEW.region_id) EXECUTE FUNCTION enterprises_region_to_visits();
