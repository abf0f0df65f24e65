-- Environmental risk assessments carry their enterprise's region (as the other records of an enterprise do, V041 to
-- V045), and their indexes hold the status. Province, in the CLI: a city regulator's assessments were counted by
-- testing each against the 30,000 enterprises of its city; an insurer's awaiting review read each of its 4,500
-- assessments' rows (1.7 KB of indicators each) to test the status, 4.0 -> 1.6 ms counted and 1.4 ms paged.
ALTER TABLE env_risk_assessments ADD COLUMN region_id INTEGER;
UPDATE env_risk_assessments
SET region_id = (SELECT e.region_id FROM enterprises e WHERE e.id = env_risk_assessments.enterprise_id);
CREATE INDEX env_risk_assessments_in_region ON env_risk_assessments (region_id, status, id);
DROP INDEX env_risk_assessments_enterprise;
CREATE INDEX env_risk_assessments_enterprise ON env_risk_assessments (enterprise_id, status, id);
DROP INDEX env_risk_assessments_org;
CREATE INDEX env_risk_assessments_org ON env_risk_assessments (org_id, status, id);

CREATE TRIGGER env_risk_assessments_region_after_insert AFTER INSERT ON env_risk_assessments
BEGIN
    UPDATE env_risk_assessments SET region_id = (SELECT e.region_id FROM enterprises e WHERE e.id = NEW.enterprise_id)
    WHERE id = NEW.id;
END;

CREATE TRIGGER env_risk_assessments_region_after_move AFTER UPDATE OF enterprise_id ON env_risk_assessments
BEGIN
    UPDATE env_risk_assessments SET region_id = (SELECT e.region_id FROM enterprises e WHERE e.id = NEW.enterprise_id)
    WHERE id = NEW.id;
END;

DROP TRIGGER enterprises_region_to_records;
CREATE TRIGGER enterprises_region_to_records AFTER UPDATE OF region_id ON enterprises
WHEN OLD.region_id IS NOT NEW.region_id
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
END;
