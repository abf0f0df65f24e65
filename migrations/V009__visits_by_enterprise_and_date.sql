-- A list of visits tests its record's enterprise against the sets of enterprises the reader regulates, registered
-- or insures (access/visibility.cpp): with the date here, each enterprise's visits of the asked month are read
-- from the index instead of all its visits of the year (a regulator's month of visits: 217 -> 42 ms at province
-- scale in the SQLite CLI).
CREATE INDEX visits_enterprise_planned ON visits (enterprise_id, planned_on);
