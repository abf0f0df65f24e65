-- A number that changes whenever the enterprises an organization registered, insures or serves may have: an
-- enterprise is added or removed or changes its registrar, a policy is added or removed or changes its
-- enterprise or insurer, a commission item is added or removed, changes its enterprise or commission, or starts
-- or stops serving (the statuses of access::kServingStatuses), a commission changes its agency. An insurer's and
-- an agency's enterprises are kept as a set of ids between requests (db::Connection::kept_id_set,
-- accounts::in_party_enterprises) until it changes. PostgreSQL plans the set itself and keeps none.
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

CREATE TRIGGER enterprise_parties_after_item_insert AFTER INSERT ON commission_items
BEGIN
    UPDATE enterprise_parties_generation SET generation = generation + 1;
END;

CREATE TRIGGER enterprise_parties_after_item_delete AFTER DELETE ON commission_items
BEGIN
    UPDATE enterprise_parties_generation SET generation = generation + 1;
END;

-- access::kServingStatuses, as the kept sets read them.
CREATE TRIGGER enterprise_parties_after_item_change
AFTER UPDATE OF status, enterprise_id, commission_id ON commission_items
WHEN OLD.enterprise_id IS NOT NEW.enterprise_id OR OLD.commission_id IS NOT NEW.commission_id
  OR (OLD.status IN ('pending', 'accepted', 'cancel_requested', 'completed'))
     IS NOT (NEW.status IN ('pending', 'accepted', 'cancel_requested', 'completed'))
BEGIN
    UPDATE enterprise_parties_generation SET generation = generation + 1;
END;

CREATE TRIGGER enterprise_parties_after_agency_change AFTER UPDATE OF agency_org_id ON commissions
WHEN OLD.agency_org_id IS NOT NEW.agency_org_id
BEGIN
    UPDATE enterprise_parties_generation SET generation = generation + 1;
END;
