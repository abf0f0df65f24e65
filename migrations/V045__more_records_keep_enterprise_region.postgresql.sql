-- Checklists, escalations, deadlines and service plans carry their enterprise's region too (as hazards, visits,
-- notices and policies do), so that a regulator's are found through an index of the region (the SQLite file of
-- this version says more). V041's trigger function keeps it.
ALTER TABLE inspections ADD COLUMN region_id BIGINT;
UPDATE inspections i SET region_id = e.region_id FROM enterprises e WHERE e.id = i.enterprise_id;
ALTER TABLE inspections ALTER COLUMN region_id SET NOT NULL;
CREATE INDEX inspections_in_region ON inspections (region_id, id);
CREATE TRIGGER inspections_enterprise_region BEFORE INSERT OR UPDATE OF enterprise_id ON inspections
FOR EACH ROW EXECUTE FUNCTION take_enterprise_region();

ALTER TABLE hazard_escalations ADD COLUMN region_id BIGINT;
UPDATE hazard_escalations x SET region_id = e.region_id FROM enterprises e WHERE e.id = x.enterprise_id;
ALTER TABLE hazard_escalations ALTER COLUMN region_id SET NOT NULL;
CREATE INDEX hazard_escalations_in_region ON hazard_escalations (region_id, id);
CREATE TRIGGER hazard_escalations_enterprise_region BEFORE INSERT OR UPDATE OF enterprise_id ON hazard_escalations
FOR EACH ROW EXECUTE FUNCTION take_enterprise_region();

ALTER TABLE deadlines ADD COLUMN region_id BIGINT;
UPDATE deadlines d SET region_id = e.region_id FROM enterprises e WHERE e.id = d.enterprise_id;
ALTER TABLE deadlines ALTER COLUMN region_id SET NOT NULL;
CREATE INDEX deadlines_in_region ON deadlines (region_id, status, due_on, id);
CREATE TRIGGER deadlines_enterprise_region BEFORE INSERT OR UPDATE OF enterprise_id ON deadlines
FOR EACH ROW EXECUTE FUNCTION take_enterprise_region();

ALTER TABLE service_plans ADD COLUMN region_id BIGINT;
UPDATE service_plans sp SET region_id = e.region_id FROM enterprises e WHERE e.id = sp.enterprise_id;
ALTER TABLE service_plans ALTER COLUMN region_id SET NOT NULL;
CREATE INDEX service_plans_in_region ON service_plans (region_id, year DESC, enterprise_name, id);
CREATE TRIGGER service_plans_enterprise_region BEFORE INSERT OR UPDATE OF enterprise_id ON service_plans
FOR EACH ROW EXECUTE FUNCTION take_enterprise_region();

CREATE OR REPLACE FUNCTION enterprises_region_to_records() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE hazards SET region_id = NEW.region_id WHERE enterprise_id = NEW.id;
    UPDATE visits SET region_id = NEW.region_id WHERE enterprise_id = NEW.id;
    UPDATE notices SET region_id = NEW.region_id WHERE enterprise_id = NEW.id;
    UPDATE policies SET region_id = NEW.region_id WHERE enterprise_id = NEW.id;
    UPDATE inspections SET region_id = NEW.region_id WHERE enterprise_id = NEW.id;
    UPDATE hazard_escalations SET region_id = NEW.region_id WHERE enterprise_id = NEW.id;
    UPDATE deadlines SET region_id = NEW.region_id WHERE enterprise_id = NEW.id;
    UPDATE service_plans SET region_id = NEW.region_id WHERE enterprise_id = NEW.id;
    RETURN NULL;
END $$;
