-- The status history takes inspections too (open → submitted → signed).
ALTER TABLE status_events DROP CONSTRAINT status_events_object_type_check;
ALTER TABLE status_events ADD CONSTRAINT status_events_object_type_check
  CHECK (object_type IN ('commission_item', 'service_plan', 'visit', 'inspection'));
