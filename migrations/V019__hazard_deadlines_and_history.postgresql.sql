-- Hazards take part in the status history and the deadlines board: a hazard's rectification deadline, and the
-- hazard-screening feedback due 7 working days after the on-site service (chengdu 6.3.2.4).
ALTER TABLE status_events DROP CONSTRAINT status_events_object_type_check;
ALTER TABLE status_events ADD CONSTRAINT status_events_object_type_check
  CHECK (object_type IN ('commission_item', 'service_plan', 'visit', 'inspection', 'hazard'));
ALTER TABLE deadlines DROP CONSTRAINT deadlines_kind_check;
ALTER TABLE deadlines ADD CONSTRAINT deadlines_kind_check
  CHECK (kind IN ('commission_on_site', 'data_upload', 'report_review', 'hazard_rectification',
                  'screening_feedback'));
ALTER TABLE deadlines DROP CONSTRAINT deadlines_object_type_check;
ALTER TABLE deadlines ADD CONSTRAINT deadlines_object_type_check
  CHECK (object_type IN ('commission_item', 'visit', 'hazard'));
