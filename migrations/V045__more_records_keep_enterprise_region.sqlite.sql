-- Checklists, escalations, deadlines and service plans carry their enterprise's region too (as hazards, visits,
-- notices and policies do, V041, V043 and V044), so that a regulator's are found through an index of the region,
-- where its access rule tested each record's enterprise against the enterprises of its jurisdiction. On
-- PostgreSQL that set was built again by every statement (12,031 enterprises of a city, about 10 ms) and tested
-- beside the other parties' rules, so the planner read the table or an index to its end. Province, a city's
-- regulator, EXPLAIN ANALYZE on PostgreSQL, the count (to its cap) and a page of 20: checklists 30-74 -> 10.6 ms
-- and 10 -> 0.1 ms, overdue deadlines 41.5 -> 8.7 ms and 11 -> 0.4 ms, service plans 24 -> 16.6 ms and
-- 9.7 -> 0.6 ms. The same triggers keep it: a record takes it when it is written or moves to another
-- enterprise, and an enterprise that moves takes its records along.
ALTER TABLE inspections ADD COLUMN region_id INTEGER;
UPDATE inspections SET region_id = (SELECT e.region_id FROM enterprises e WHERE e.id = inspections.enterprise_id);
CREATE INDEX inspections_in_region ON inspections (region_id, id);
ALTER TABLE hazard_escalations ADD COLUMN region_id INTEGER;
UPDATE hazard_escalations SET region_id = (SELECT e.region_id FROM enterprises e WHERE e.id = hazard_escalations.enterprise_id);
CREATE INDEX hazard_escalations_in_region ON hazard_escalations (region_id, id);
ALTER TABLE deadlines ADD COLUMN region_id INTEGER;
UPDATE deadlines SET region_id = (SELECT e.region_id FROM enterprises e WHERE e.id = deadlines.enterprise_id);
CREATE INDEX deadlines_in_region ON deadlines (region_id, status, due_on, id);
ALTER TABLE service_plans ADD COLUMN region_id INTEGER;
UPDATE service_plans SET region_id = (SELECT e.region_id FROM enterprises e WHERE e.id = service_plans.enterprise_id);
CREATE INDEX service_plans_in_region ON service_plans (region_id, year DESC, enterprise_name, id);

CREATE TRIGGER inspections_region_after_insert AFTER INSERT ON inspections
BEGIN
    UPDATE inspections SET region_id = (SELECT e.region_id FROM enterprises e WHERE e.id = NEW.enterprise_id)
    WHERE id = NEW.id;
END;

CREATE TRIGGER inspections_region_after_move AFTER UPDATE OF enterprise_id ON inspections
BEGIN
    UPDATE inspections SET region_id = (SELECT e.region_id FROM enterprises e WHERE e.id = NEW.enterprise_id)
    WHERE id = NEW.id;
END;

CREATE TRIGGER hazard_escalations_region_after_insert AFTER INSERT ON hazard_escalations
BEGIN
    UPDATE hazard_escalations SET region_id = (SELECT e.region_id FROM enterprises e WHERE e.id = NEW.enterprise_id)
    WHERE id = NEW.id;
END;

CREATE TRIGGER hazard_escalations_region_after_move AFTER UPDATE OF enterprise_id ON hazard_escalations
BEGIN
    UPDATE hazard_escalations SET region_id = (SELECT e.region_id FROM enterprises e WHERE e.id = NEW.enterprise_id)
    WHERE id = NEW.id;
END;

CREATE TRIGGER deadlines_region_after_insert AFTER INSERT ON deadlines
BEGIN
    UPDATE deadlines SET region_id = (SELECT e.region_id FROM enterprises e WHERE e.id = NEW.enterprise_id)
    WHERE id = NEW.id;
END;

CREATE TRIGGER deadlines_region_after_move AFTER UPDATE OF enterprise_id ON deadlines
BEGIN
    UPDATE deadlines SET region_id = (SELECT e.region_id FROM enterprises e WHERE e.id = NEW.enterprise_id)
    WHERE id = NEW.id;
END;

CREATE TRIGGER service_plans_region_after_insert AFTER INSERT ON service_plans
BEGIN
    UPDATE service_plans SET region_id = (SELECT e.region_id FROM enterprises e WHERE e.id = NEW.enterprise_id)
    WHERE id = NEW.id;
END;

CREATE TRIGGER service_plans_region_after_move AFTER UPDATE OF enterprise_id ON service_plans
BEGIN
    UPDATE service_plans SET region_id = (SELECT e.region_id FROM enterprises e WHERE e.id = NEW.enterprise_id)
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
END;
