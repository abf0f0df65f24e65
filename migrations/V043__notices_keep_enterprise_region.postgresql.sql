-- Notices carry their enterprise's region too (as hazards and visits do, V041); a party's notices of one kind
-- are indexed (and no longer those of a status or a kind alone); the done visits of an enterprise are indexed
-- by day for the survey gaps. The SQLite file of this version says more. V041's triggers keep the region.
ALTER TABLE notices ADD COLUMN region_id BIGINT;
UPDATE notices n SET region_id = e.region_id FROM enterprises e WHERE e.id = n.enterprise_id;
ALTER TABLE notices ALTER COLUMN region_id SET NOT NULL;
CREATE INDEX notices_in_region ON notices (region_id, status, kind, id);
CREATE INDEX notices_issuer_kind ON notices (issuer_org_id, kind, id);
DROP INDEX notices_enterprise;
CREATE INDEX notices_enterprise ON notices (enterprise_id, status, kind, issued_at);
DROP INDEX notices_status;
DROP INDEX notices_kind;

CREATE TRIGGER notices_enterprise_region BEFORE INSERT OR UPDATE OF enterprise_id ON notices
FOR EACH ROW EXECUTE FUNCTION take_enterprise_region();

CREATE OR REPLACE FUNCTION enterprises_region_to_records() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE hazards SET region_id = NEW.region_id WHERE enterprise_id = NEW.id;
    UPDATE visits SET region_id = NEW.region_id WHERE enterprise_id = NEW.id;
    UPDATE notices SET region_id = NEW.region_id WHERE enterprise_id = NEW.id;
    RETURN NULL;
END $$;

CREATE INDEX visits_done_by_enterprise ON visits (enterprise_id, done_on) WHERE status = 'done';
