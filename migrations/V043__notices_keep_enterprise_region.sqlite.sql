-- Notices carry their enterprise's region too (as hazards and visits do, V041), so that a regulator's issued
-- notices are found through an index of region and status instead of every issued notice read to test its
-- enterprise (province, 367,827 notices, a city's regulator counting its issued ones, in the CLI: 46 -> 9.6 ms).
-- The same triggers keep it: a notice takes it when it is written or moves to another enterprise, and an
-- enterprise that moves takes its notices along.
ALTER TABLE notices ADD COLUMN region_id INTEGER;
UPDATE notices SET region_id = (SELECT e.region_id FROM enterprises e WHERE e.id = notices.enterprise_id);
CREATE INDEX notices_in_region ON notices (region_id, status, kind, id);

-- A party's notices of one kind: an agency's own by issuer and kind (its reminders: 82 -> 0.6 ms, where the
-- kind's index read every notice of the kind to test its issuer), an insurer's through its enterprises with
-- the columns its filters test, so no notice is read to count them (its reminders: 32 -> 6.3 ms).
CREATE INDEX notices_issuer_kind ON notices (issuer_org_id, kind, id);
DROP INDEX notices_enterprise;
CREATE INDEX notices_enterprise ON notices (enterprise_id, status, kind, issued_at);
-- A status or a kind alone matches a large share of the notices, yet the sampled statistics (ANALYZE with
-- analysis_limit) say a thousand each: the planner walked these to count a regulator's issued notices,
-- reading every issued one (37 ms), where the indexes of issuer and region count them in 9.4 ms. A page of
-- one status or kind walks the table back from the newest notice instead (kNoticeList's scan_from).
DROP INDEX notices_status;
DROP INDEX notices_kind;

CREATE TRIGGER notices_region_after_insert AFTER INSERT ON notices
BEGIN
    UPDATE notices SET region_id = (SELECT e.region_id FROM enterprises e WHERE e.id = NEW.enterprise_id)
    WHERE id = NEW.id;
END;

CREATE TRIGGER notices_region_after_move AFTER UPDATE OF enterprise_id ON notices
BEGIN
    UPDATE notices SET region_id = (SELECT e.region_id FROM enterprises e WHERE e.id = NEW.enterprise_id)
    WHERE id = NEW.id;
END;

DROP TRIGGER enterprises_region_to_records;
CREATE TRIGGER enterprises_region_to_records AFTER UPDATE OF region_id ON enterprises
WHEN OLD.region_id IS NOT NEW.region_id
BEGIN
    UPDATE hazards SET region_id = NEW.region_id WHERE enterprise_id = NEW.id;
    UPDATE visits SET region_id = NEW.region_id WHERE enterprise_id = NEW.id;
    UPDATE notices SET region_id = NEW.region_id WHERE enterprise_id = NEW.id;
END;

-- Survey gaps (GET /survey-gaps) ask, for each policy in force, whether a done visit to its enterprise fell in
-- the policy's period: the done visits of an enterprise by day, so no visit is read to find them (an insurer's
-- 4,904 policies in force, in the CLI: counting its gaps 27.8 -> 14.8 ms).
CREATE INDEX visits_done_by_enterprise ON visits (enterprise_id, done_on) WHERE status = 'done';
