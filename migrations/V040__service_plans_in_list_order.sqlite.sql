-- A service plan carries its enterprise's name, so that the list's order (year, newest first, then the
-- enterprise's name) is an index: a page of a party that sees many plans walks it and stops after the page,
-- where it gathered and sorted every visible plan with its enterprise's name (province: a regulator's 8,047
-- plans, 12.3 -> 0.3 ms in the CLI). The index carries the plan's parties, which the access rules test on
-- each plan the walk passes. Triggers keep the name: a plan takes it when it is written or moves to another
-- enterprise, and an enterprise's new name reaches its plans.
ALTER TABLE service_plans ADD COLUMN enterprise_name TEXT NOT NULL DEFAULT '';
UPDATE service_plans SET enterprise_name = (SELECT e.name FROM enterprises e WHERE e.id = service_plans.enterprise_id);
CREATE INDEX service_plans_in_list_order
    ON service_plans (year DESC, enterprise_name, id, enterprise_id, agency_org_id, insurer_org_id);

CREATE TRIGGER service_plans_name_after_insert AFTER INSERT ON service_plans
BEGIN
    UPDATE service_plans SET enterprise_name = (SELECT e.name FROM enterprises e WHERE e.id = NEW.enterprise_id)
    WHERE id = NEW.id;
END;

CREATE TRIGGER service_plans_name_after_move AFTER UPDATE OF enterprise_id ON service_plans
BEGIN
    UPDATE service_plans SET enterprise_name = (SELECT e.name FROM enterprises e WHERE e.id = NEW.enterprise_id)
    WHERE id = NEW.id;
END;

CREATE TRIGGER enterprises_name_to_plans AFTER UPDATE OF name ON enterprises
WHEN OLD.name IS NOT NEW.name
BEGIN
    UPDATE service_plans SET enterprise_name = NEW.name WHERE enterprise_id = NEW.id;
END;
