-- Environmental risk assessments carry their enterprise's region, and their indexes hold the status (the SQLite
-- file of this version says why). V041's trigger function keeps the region.
ALTER TABLE env_risk_assessments ADD COLUMN region_id BIGINT;
UPDATE env_risk_assessments ra SET region_id = e.region_id FROM enterprises e WHERE e.id = ra.enterprise_id;
ALTER TABLE env_risk_assessments ALTER COLUMN region_id SET NOT NULL;
CREATE INDEX env_risk_assessments_in_region ON env_risk_assessments (region_id, status, id);
DROP INDEX env_risk_assessments_enterprise;
CREATE INDEX env_risk_assessments_enterprise ON env_risk_assessments (enterprise_id, status, id);
DROP INDEX env_risk_assessments_org;
CREATE INDEX env_risk_assessments_org ON env_risk_assessments (org_id, status, id);
CREATE TRIGGER env_risk_assessments_enterprise_region BEFORE INSERT OR UPDATE OF enterprise_id ON env_risk_assessments
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
    UPDATE env_risk_assessments SET region_id = NEW.region_id WHERE enterprise_id = NEW.id;
    RETURN NULL;
END $$;
