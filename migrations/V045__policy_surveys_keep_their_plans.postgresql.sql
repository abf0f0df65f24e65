-- V044's survey functions, in PL/pgSQL instead of SQL: PostgreSQL 15 parses and plans the body of a SQL function
-- that it cannot inline on every call, and these run once per done visit and per service type of a done visit
-- (the province's generation: 33 of the city's 69 s in the stage that writes visits). PL/pgSQL keeps each
-- statement's plan for the session. What they compute is V044's.
CREATE OR REPLACE FUNCTION first_annual_survey(enterprise BIGINT, insurance TEXT, first_day TEXT, last_day TEXT)
RETURNS TEXT LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN (SELECT MIN(sv.done_on)
            FROM visits sv
            JOIN visit_service_types svt ON svt.visit_id = sv.id
            JOIN service_type_versions stv ON stv.id = svt.service_type_version_id
            WHERE sv.enterprise_id = enterprise AND sv.status = 'done' AND stv.annual_survey = 1
              AND stv.insurance_type = insurance AND sv.done_on >= first_day AND sv.done_on <= last_day);
END $$;

CREATE OR REPLACE FUNCTION recount_policy_surveys(enterprise BIGINT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    UPDATE policies SET surveyed_on = first_annual_survey(enterprise_id, insurance_type, starts_on, ends_on)
    WHERE enterprise_id = enterprise;
END $$;
