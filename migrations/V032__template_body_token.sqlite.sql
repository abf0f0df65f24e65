-- A random token drawn with each checklist template row (a row's body never changes). A process keeps the
-- templates it parsed (inspections/template_store.cpp) and may open several databases: the token tells it that
-- the template of an id is the one it parsed, without reading and comparing the whole body on every answer.
ALTER TABLE checklist_templates ADD COLUMN body_token TEXT;
UPDATE checklist_templates SET body_token = lower(hex(randomblob(16)));
