-- A service plan carries its enterprise's name, so that the list's order (year, newest first, then the
-- enterprise's name) is an index the planner can walk to a page (the SQLite file of this version says
-- more). Triggers keep the name: a plan takes it when it is written or moves to another enterprise, and an
-- enterprise's new name reaches its plans.
ALTER TABLE service_plans ADD COLUMN enterprise_name TEXT NOT NULL DEFAULT '';
UPDATE service_plans sp SET enterprise_name = e.name FROM enterprises e WHERE e.id = sp.enterprise_id;
CREATE INDEX service_plans_in_list_order
    ON service_plans (year DESC, enterprise_name, id, enterprise_id, agency_org_id, insurer_org_id);

CREATE FUNCTION service_plans_take_enterprise_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.enterprise_name := (SELECT e.name FROM enterprises e WHERE e.id = NEW.enterprise_id);
    RETURN NEW;
END $$;
CREATE TRIGGER service_plans_enterprise_name BEFORE INSERT OR UPDATE OF enterprise_id ON service_plans
FOR EACH ROW EXECUTE FUNCTION service_plans_take_enterprise_name();

CREATE FUNCTION enterprises_name_to_plans() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE service_plans SET enterprise_name = NEW.name WHERE enterprise_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER enterprises_name_to_plans AFTER UPDATE OF name ON enterprises
FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION enterprises_name_to_plans();
