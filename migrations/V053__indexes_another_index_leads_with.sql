-- Three indexes whose columns lead another index of the same table: the longer index serves every lookup they
-- served, and each of them cost a page to every write of its table (scheduling a visit wrote 20 pages to the
-- WAL at province scale, one of them this visits_agency's).
DROP INDEX visits_agency;                   -- visits_agency_enterprise (V006): agency_org_id, planned_on, enterprise_id
DROP INDEX inspection_findings_inspection;  -- inspection_findings_client (V012): inspection_id, client_id
DROP INDEX training_records_visit;          -- training_records_client (V012): visit_id, client_id
