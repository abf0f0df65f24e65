-- A policy keeps the day of its yearly survey, or NULL while there is none, for the survey gaps, and its
-- enterprise's region. The SQLite file of this version says more. Here a policy takes the day before it is
-- written; a done visit, or a done visit's service types, recount its enterprise's policies after.
CREATE FUNCTION first_annual_survey(enterprise BIGINT, insurance TEXT, first_day TEXT, last_day TEXT)
RETURNS TEXT LANGUAGE sql STABLE AS $$
    SELECT MIN(sv.done_on)
    FROM visits sv
    JOIN visit_service_types svt ON svt.visit_id = sv.id
    JOIN service_type_versions stv ON stv.id = svt.service_type_version_id
    WHERE sv.enterprise_id = enterprise AND sv.status = 'done' AND stv.annual_survey = 1
      AND stv.insurance_type = insurance AND sv.done_on >= first_day AND sv.done_on <= last_day
$$;

ALTER TABLE policies ADD COLUMN surveyed_on TEXT;
UPDATE policies SET surveyed_on = first_annual_survey(enterprise_id, insurance_type, starts_on, ends_on);

CREATE FUNCTION policy_takes_its_survey() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.surveyed_on := first_annual_survey(NEW.enterprise_id, NEW.insurance_type, NEW.starts_on, NEW.ends_on);
    RETURN NEW;
END $$;
CREATE TRIGGER policies_survey BEFORE INSERT OR UPDATE OF enterprise_id, insurance_type, starts_on, ends_on
ON policies FOR EACH ROW EXECUTE FUNCTION policy_takes_its_survey();

CREATE FUNCTION recount_policy_surveys(enterprise BIGINT) RETURNS void LANGUAGE sql AS $$
    UPDATE policies SET surveyed_on = first_annual_survey(enterprise_id, insurance_type, starts_on, ends_on)
    WHERE enterprise_id = enterprise
$$;

CREATE FUNCTION visits_recount_policy_surveys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'done' THEN
        PERFORM recount_policy_surveys(OLD.enterprise_id);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'done' THEN
        PERFORM recount_policy_surveys(NEW.enterprise_id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER visits_survey AFTER INSERT OR UPDATE OF status, done_on, enterprise_id OR DELETE ON visits
FOR EACH ROW EXECUTE FUNCTION visits_recount_policy_surveys();

CREATE FUNCTION visit_service_types_recount_policy_surveys() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    visit BIGINT := CASE WHEN TG_OP = 'DELETE' THEN OLD.visit_id ELSE NEW.visit_id END;
BEGIN
    PERFORM recount_policy_surveys(v.enterprise_id) FROM visits v WHERE v.id = visit AND v.status = 'done';
    RETURN NULL;
END $$;
CREATE TRIGGER visit_service_types_survey AFTER INSERT OR DELETE ON visit_service_types
FOR EACH ROW EXECUTE FUNCTION visit_service_types_recount_policy_surveys();

-- Policies carry their enterprise's region too (V041's triggers keep it), indexed for a regulator's policies
-- and its survey gaps.
ALTER TABLE policies ADD COLUMN region_id BIGINT;
UPDATE policies p SET region_id = e.region_id FROM enterprises e WHERE e.id = p.enterprise_id;
ALTER TABLE policies ALTER COLUMN region_id SET NOT NULL;
CREATE INDEX policies_in_region ON policies (region_id, status, surveyed_on, ends_on, starts_on);
CREATE INDEX policies_insurer_surveys ON policies (insurer_org_id, status, surveyed_on, ends_on, starts_on);

CREATE TRIGGER policies_enterprise_region BEFORE INSERT OR UPDATE OF enterprise_id ON policies
FOR EACH ROW EXECUTE FUNCTION take_enterprise_region();

CREATE OR REPLACE FUNCTION enterprises_region_to_records() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE hazards SET region_id = NEW.region_id WHERE enterprise_id = NEW.id;
    UPDATE visits SET region_id = NEW.region_id WHERE enterprise_id = NEW.id;
    UPDATE notices SET region_id = NEW.region_id WHERE enterprise_id = NEW.id;
    UPDATE policies SET region_id = NEW.region_id WHERE enterprise_id = NEW.id;
    RETURN NULL;
END $$;
