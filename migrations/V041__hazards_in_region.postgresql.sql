-- A hazard carries its enterprise's region, so that a regulator's hazards are found through an index of
-- region and status, or of region and due date for the open ones (the SQLite file of this version says
-- more). Triggers keep it: a hazard takes it when it is written or moves to another enterprise, and an
-- enterprise that moves takes its hazards along.
ALTER TABLE hazards ADD COLUMN region_id BIGINT;
UPDATE hazards h SET region_id = e.region_id FROM enterprises e WHERE e.id = h.enterprise_id;
ALTER TABLE hazards ALTER COLUMN region_id SET NOT NULL;
CREATE INDEX hazards_in_region ON hazards (region_id, status, grade, id);
CREATE INDEX hazards_open_in_region ON hazards (region_id, due_on) WHERE status <> 'verified_closed';

CREATE FUNCTION hazards_take_enterprise_region() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.region_id := (SELECT e.region_id FROM enterprises e WHERE e.id = NEW.enterprise_id);
    RETURN NEW;
END $$;
CREATE TRIGGER hazards_enterprise_region BEFORE INSERT OR UPDATE OF enterprise_id ON hazards
FOR EACH ROW EXECUTE FUNCTION hazards_take_enterprise_region();

CREATE FUNCTION enterprises_region_to_hazards() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE hazards SET region_id = NEW.region_id WHERE enterprise_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER enterprises_region_to_hazards AFTER UPDATE OF region_id ON enterprises
FOR EACH ROW WHEN (OLD.region_id IS DISTINCT FROM NEW.region_id) EXECUTE FUNCTION enterprises_region_to_hazards();
