-- The service plans a party sees, read from an index alone. A list's access rules (the plan's agency, its
-- insurer, or its enterprise among those of a regulator's regions) are alternatives of an OR, which SQLite
-- tests on every plan: through this index instead of the table, whose rows carry the plan's prose (province:
-- a regulator's 8,047 of 66,091 plans, 180 -> 30 ms to count in the CLI). It leads with the agency, so it
-- serves what service_plans_agency did.
CREATE INDEX service_plans_parties ON service_plans (agency_org_id, insurer_org_id, enterprise_id, year);
DROP INDEX service_plans_agency;
