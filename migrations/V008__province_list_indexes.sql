-- Indexes for the lists at province scale (issue 10, bench/province-bench.sh: 100,000 enterprises, 130,000 policies).

-- GET /enterprises filters by archived, region subtree and risk level and sorts by name; a regulator's scope tests
-- the region, everyone's tests the registering organization. With these columns the filter, the total and the page
-- of ids read this index only; the page's rows are read afterwards by id (the deferred join in select_page).
CREATE INDEX enterprises_listing ON enterprises (archived, region_id, risk_level, name, created_by_org_id);

-- GET /enterprises without filters shows the latest changes first: read in index order, stop after the page.
CREATE INDEX enterprises_recent ON enterprises (archived, updated_at, id);

-- An insurer's scope (its policies, the enterprises it insures): found from the insurer, not from every policy.
CREATE INDEX policies_insurer ON policies (insurer_org_id, enterprise_id);
