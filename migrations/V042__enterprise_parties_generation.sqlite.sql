-- A number that changes whenever the enterprises an organization registered or insures may have: an enterprise
-- is added or removed or changes its registrar, a policy is added or removed or changes its enterprise or
-- insurer. An insurer's enterprises are kept as a set of ids between requests (db::Connection::kept_id_set,
-- access::read_filter) until it changes. PostgreSQL plans the set itself and keeps none.
CREATE TABLE enterprise_parties_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    generation INTEGER NOT NULL
);
INSERT INTO enterprise_parties_generation (id, generation) VALUES (1, 1);

CREATE TRIGGER enterprise_parties_after_enterprise_insert AFTER INSERT ON enterprises
BEGIN
    UPDATE enterprise_parties_generation SET generation = generation + 1;
END;

CREATE TRIGGER enterprise_parties_after_enterprise_delete AFTER DELETE ON enterprises
BEGIN
    UPDATE enterprise_parties_generation SET generation = generation + 1;
END;

CREATE TRIGGER enterprise_parties_after_registrar_change AFTER UPDATE OF created_by_org_id ON enterprises
WHEN OLD.created_by_org_id IS NOT NEW.created_by_org_id
BEGIN
    UPDATE enterprise_parties_generation SET generation = generation + 1;
END;

CREATE TRIGGER enterprise_parties_after_policy_insert AFTER INSERT ON policies
BEGIN
    UPDATE enterprise_parties_generation SET generation = generation + 1;
END;

CREATE TRIGGER enterprise_parties_after_policy_delete AFTER DELETE ON policies
BEGIN
    UPDATE enterprise_parties_generation SET generation = generation + 1;
END;

CREATE TRIGGER enterprise_parties_after_policy_change AFTER UPDATE OF enterprise_id, insurer_org_id ON policies
WHEN OLD.enterprise_id IS NOT NEW.enterprise_id OR OLD.insurer_org_id IS NOT NEW.insurer_org_id
BEGIN
    UPDATE enterprise_parties_generation SET generation = generation + 1;
END;
