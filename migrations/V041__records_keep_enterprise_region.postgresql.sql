-- Hazards and visits carry their enterprise's region, so that a regulator's are found through an index of
-- region and status, due date or visit date (the SQLite file of this version says more). Triggers keep it:
-- a record takes it when it is written or moves to another enterprise, and an enterprise that moves takes
-- its records along.
ALTER TABLE hazards ADD COLUMN region_id BIGINT;
UPDATE hazards h SET region_id = e.region_id FROM enterprises e WHERE e.id = h.enterprise_id;
ALTER TABLE hazards ALTER COLUMN region_id SET NOT NULL;
CREATE INDEX hazards_in_region ON hazards (region_id, status, grade, id);
CREATE INDEX hazards_open_in_region ON hazards (region_id, due_on) WHERE status <> 'verified_closed';

ALTER TABLE visits ADD COLUMN region_id BIGINT;
UPDATE visits v SET region_id = e.region_id FROM enterprises e WHERE e.id = v.enterprise_id;
ALTER TABLE visits ALTER COLUMN region_id SET NOT NULL;
CREATE INDEX visits_in_region ON visits (region_id, planned_on);

-- For any table with enterprise_id and region_id.
CREATE FUNCTION take_enterprise_region() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.region_id := (SELECT e.region_id FROM enterprises e WHERE e.id = NEW.enterprise_id);
    RETURN NEW;
END $$;
CREATE TRIGGER hazards_enterprise_region BEFORE INSERT OR UPDATE OF enterprise_id ON hazards
FOR EACH ROW EXECUTE FUNCTION take_enterprise_region();
CREATE TRIGGER visits_enterprise_region BEFORE INSERT OR UPDATE OF enterprise_id ON visits
FOR EACH ROW EXECUTE FUNCTION take_enterprise_region();

CREATE FUNCTION enterprises_region_to_records() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE hazards SET region_id = NEW.region_id WHERE enterprise_id = NEW.id;
    UPDATE visits SET region_id = NEW.region_id WHERE enterprise_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER enterprises_region_to_records AFTER UPDATE OF region_id ON enterprises
FOR EACH ROW WHEN (OLD.region_id IS DISTINCT FROM NEW.region_id) EXECUTE FUNCTION enterprises_region_to_records();
