-- A commission item carries its commission's insurer and agency, which never change, so that a party's items are
-- found, newest first, through an index of its own column (the SQLite file of this version says more).
ALTER TABLE commission_items ADD COLUMN insurer_org_id BIGINT;
ALTER TABLE commission_items ADD COLUMN agency_org_id BIGINT;
UPDATE commission_items ci SET insurer_org_id = c.insurer_org_id, agency_org_id = c.agency_org_id
FROM commissions c WHERE c.id = ci.commission_id;
ALTER TABLE commission_items ALTER COLUMN insurer_org_id SET NOT NULL;
ALTER TABLE commission_items ALTER COLUMN agency_org_id SET NOT NULL;
CREATE INDEX commission_items_of_insurer ON commission_items (insurer_org_id, id);
CREATE INDEX commission_items_of_agency ON commission_items (agency_org_id, id);

CREATE FUNCTION take_commission_parties() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT c.insurer_org_id, c.agency_org_id INTO NEW.insurer_org_id, NEW.agency_org_id
    FROM commissions c WHERE c.id = NEW.commission_id;
    RETURN NEW;
END $$;
CREATE TRIGGER commission_items_parties BEFORE INSERT ON commission_items
FOR EACH ROW EXECUTE FUNCTION take_commission_parties();

-- An item never moves to another commission, so its parties never change after it is written.
CREATE FUNCTION refuse_commission_item_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a commission item stays in its commission';
END $$;
CREATE TRIGGER commission_items_stay_in_their_commission BEFORE UPDATE OF commission_id ON commission_items
FOR EACH ROW WHEN (NEW.commission_id IS DISTINCT FROM OLD.commission_id)
EXECUTE FUNCTION refuse_commission_item_move();
