-- An agency's checklists, newest first, and its share of a party's access rules (inspections i: the agency
-- that fills them). Without an index SQLite read the table to count an agency's 10,000 and more at province
-- scale (14 ms a page); with it the count reads this index alone (2 ms), and a page of a list counted past its
-- cap walks the table back from the newest id (inspection_service.cpp).
CREATE INDEX inspections_agency ON inspections (agency_org_id);
