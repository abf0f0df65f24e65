-- Numbers that change whenever what a request reads alongside its records may have (the SQLite file of this
-- version says which): a server keeps that in memory between requests while they stay the same.
CREATE TABLE reference_generations (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    reach BIGINT NOT NULL,
    calendar BIGINT NOT NULL
);
INSERT INTO reference_generations (id, reach, calendar) VALUES (1, 1, 1);

CREATE FUNCTION bump_reach_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE reference_generations SET reach = reach + 1;
    RETURN NULL;
END $$;

CREATE TRIGGER organizations_reach_after_insert AFTER INSERT ON organizations
FOR EACH ROW WHEN (NEW.parent_id IS NOT NULL) EXECUTE FUNCTION bump_reach_generation();
CREATE TRIGGER organizations_reach_after_delete AFTER DELETE ON organizations
FOR EACH ROW EXECUTE FUNCTION bump_reach_generation();
CREATE TRIGGER organizations_reach_after_change AFTER UPDATE ON organizations
FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id OR OLD.type IS DISTINCT FROM NEW.type)
EXECUTE FUNCTION bump_reach_generation();

-- Only a regulator's regions are part of a reach; an enterprise's region changes with every edit of it, and
-- bumping then would make concurrent edits wait for each other on the generation's row.
CREATE FUNCTION bump_reach_generation_for_regulator() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM organizations o WHERE o.type = 'regulator'
               AND o.id IN (CASE WHEN TG_OP = 'DELETE' THEN OLD.org_id ELSE NEW.org_id END,
                            CASE WHEN TG_OP = 'INSERT' THEN NEW.org_id ELSE OLD.org_id END)) THEN
        UPDATE reference_generations SET reach = reach + 1;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER organization_regions_reach_after_insert AFTER INSERT ON organization_regions
FOR EACH ROW EXECUTE FUNCTION bump_reach_generation_for_regulator();
CREATE TRIGGER organization_regions_reach_after_delete AFTER DELETE ON organization_regions
FOR EACH ROW EXECUTE FUNCTION bump_reach_generation_for_regulator();
CREATE TRIGGER organization_regions_reach_after_change AFTER UPDATE ON organization_regions
FOR EACH ROW WHEN (OLD.org_id IS DISTINCT FROM NEW.org_id OR OLD.region_id IS DISTINCT FROM NEW.region_id)
EXECUTE FUNCTION bump_reach_generation_for_regulator();

CREATE TRIGGER regions_reach_after_insert AFTER INSERT ON regions
FOR EACH ROW WHEN (NEW.parent_id IS NOT NULL) EXECUTE FUNCTION bump_reach_generation();
CREATE TRIGGER regions_reach_after_delete AFTER DELETE ON regions
FOR EACH ROW EXECUTE FUNCTION bump_reach_generation();
CREATE TRIGGER regions_reach_after_change AFTER UPDATE ON regions
FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id) EXECUTE FUNCTION bump_reach_generation();

CREATE FUNCTION bump_calendar_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE reference_generations SET calendar = calendar + 1;
    RETURN NULL;
END $$;

CREATE TRIGGER calendar_years_changed AFTER INSERT OR UPDATE OR DELETE ON calendar_years
FOR EACH STATEMENT EXECUTE FUNCTION bump_calendar_generation();
