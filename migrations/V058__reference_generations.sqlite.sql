-- Numbers that change whenever what a request reads alongside its records may have, so that a server keeps
-- that in memory between requests and reads it again only when its number moves (platform/kept_by_generation.hpp):
--   reach    a user's organization and its descendants, and a regulator's regions and their sub-regions
--            (accounts::reach_of): organizations' parents and types, regulators' regions, regions' parents;
--   calendar the uploaded working-day arrangements (calendar::load_calendar).
-- A request's session statement reads them (accounts::authenticate). Triggers bump them in the transaction that
-- makes the change, so another process's writes count too.
CREATE TABLE reference_generations (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    reach INTEGER NOT NULL,
    calendar INTEGER NOT NULL
);
INSERT INTO reference_generations (id, reach, calendar) VALUES (1, 1, 1);

-- A root organization without children is nobody's subtree but its own, which no one has kept yet.
CREATE TRIGGER organizations_reach_after_insert AFTER INSERT ON organizations
WHEN NEW.parent_id IS NOT NULL
BEGIN
    UPDATE reference_generations SET reach = reach + 1;
END;

CREATE TRIGGER organizations_reach_after_delete AFTER DELETE ON organizations
BEGIN
    UPDATE reference_generations SET reach = reach + 1;
END;

CREATE TRIGGER organizations_reach_after_change AFTER UPDATE ON organizations
WHEN OLD.parent_id IS NOT NEW.parent_id OR OLD.type IS NOT NEW.type
BEGIN
    UPDATE reference_generations SET reach = reach + 1;
END;

-- Only a regulator's regions are part of a reach; an enterprise's region changes with every edit of it.
CREATE TRIGGER organization_regions_reach_after_insert AFTER INSERT ON organization_regions
WHEN (SELECT type FROM organizations WHERE id = NEW.org_id) = 'regulator'
BEGIN
    UPDATE reference_generations SET reach = reach + 1;
END;

CREATE TRIGGER organization_regions_reach_after_delete AFTER DELETE ON organization_regions
WHEN (SELECT type FROM organizations WHERE id = OLD.org_id) = 'regulator'
BEGIN
    UPDATE reference_generations SET reach = reach + 1;
END;

CREATE TRIGGER organization_regions_reach_after_change AFTER UPDATE ON organization_regions
WHEN (OLD.org_id IS NOT NEW.org_id OR OLD.region_id IS NOT NEW.region_id)
 AND 'regulator' IN (SELECT type FROM organizations WHERE id IN (OLD.org_id, NEW.org_id))
BEGIN
    UPDATE reference_generations SET reach = reach + 1;
END;

CREATE TRIGGER regions_reach_after_insert AFTER INSERT ON regions
WHEN NEW.parent_id IS NOT NULL
BEGIN
    UPDATE reference_generations SET reach = reach + 1;
END;

CREATE TRIGGER regions_reach_after_delete AFTER DELETE ON regions
BEGIN
    UPDATE reference_generations SET reach = reach + 1;
END;

CREATE TRIGGER regions_reach_after_change AFTER UPDATE ON regions
WHEN OLD.parent_id IS NOT NEW.parent_id
BEGIN
    UPDATE reference_generations SET reach = reach + 1;
END;

CREATE TRIGGER calendar_years_after_insert AFTER INSERT ON calendar_years
BEGIN
    UPDATE reference_generations SET calendar = calendar + 1;
END;

CREATE TRIGGER calendar_years_after_delete AFTER DELETE ON calendar_years
BEGIN
    UPDATE reference_generations SET calendar = calendar + 1;
END;

CREATE TRIGGER calendar_years_after_change AFTER UPDATE ON calendar_years
BEGIN
    UPDATE reference_generations SET calendar = calendar + 1;
END;
