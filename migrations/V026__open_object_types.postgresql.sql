-- The kinds of objects in the status history and of deadlines are checked in code (workflow::kObjectTypes,
-- services::deadline_kinds()), not by CHECK constraints, so a new object type needs no migration.
ALTER TABLE status_events DROP CONSTRAINT status_events_object_type_check;
ALTER TABLE deadlines DROP CONSTRAINT deadlines_kind_check;
ALTER TABLE deadlines DROP CONSTRAINT deadlines_object_type_check;
