-- V037's index of an enterprise's id with the columns its access rules test, the region after the registering
-- organization: a regulator's search tests each text hit against the regions of its jurisdiction, and with the
-- region third SQLite looked each hit up once for each of its 74 regions (化工, 600 hits: counted 2.4 -> 21 ms in
-- the CLI once the OR with the organizations it registered for was left out, access/visibility.cpp). With the
-- risk level, a search of one risk level tests it here too.
DROP INDEX enterprises_access;
CREATE INDEX enterprises_access ON enterprises (id, archived, created_by_org_id, region_id, risk_level);
