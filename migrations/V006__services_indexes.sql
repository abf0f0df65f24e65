-- Indexes for the services lists at a big city's volume (bench/services-bench.sh: 30,000 deadlines, 20,000 visits,
-- 50,000 notifications).

-- GET /deadlines counts every deadline of the status asked for that the user may see: the scope tests the
-- responsible and watching organizations and the enterprise. With these columns in the index the count reads
-- the index only, not each deadline's row.
CREATE INDEX deadlines_parties ON deadlines (status, responsible_org_id, watcher_org_id, enterprise_id);

-- GET /visits of an agency counts its visits in a date range: covering, so no visit row is read.
CREATE INDEX visits_agency_enterprise ON visits (agency_org_id, planned_on, enterprise_id);

-- GET /notifications pages a user's messages newest first: read in index order and stop after the page,
-- instead of sorting all of the user's messages.
CREATE INDEX notifications_user_newest ON notifications (user_id, id);
