-- Webhooks (issue 12): every workflow transition is an event, written with the transition; organizations
-- subscribe HTTPS URLs to event types, and each matching subscription gets a delivery, tried until the
-- receiver answers 2xx or the retries run out. State lives here so deliveries survive a restart.

-- The secret signs every delivery (HMAC-SHA256), so it is kept as generated, and shown to its creator once.
CREATE TABLE webhook_subscriptions (
  id {{ID}},
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  url TEXT NOT NULL,
  event_types TEXT NOT NULL,  -- JSON array of event types, or ["*"]
  secret TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX webhook_subscriptions_org ON webhook_subscriptions (org_id, id);
CREATE INDEX webhook_subscriptions_active ON webhook_subscriptions (active);

-- One transition: `type` is `<object_type>.<action>` (hazard.notify); `org_id` is the organization the
-- object's audit belongs to. Who receives it was decided when it was written, with the access model: the
-- subscriptions whose organization may see the object got a delivery.
CREATE TABLE webhook_events (
  id {{ID}},
  type TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id BIGINT NOT NULL,
  action TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  actor_user_id BIGINT,
  actor_org_id BIGINT,
  org_id BIGINT,
  at TEXT NOT NULL
);

-- status: pending (next_attempt_at is when it is due; a worker that takes it moves that forward first, so
-- another server does not send it too) | succeeded | failed (the retries ran out).
CREATE TABLE webhook_deliveries (
  id {{ID}},
  event_id BIGINT NOT NULL REFERENCES webhook_events (id),
  subscription_id BIGINT NOT NULL REFERENCES webhook_subscriptions (id),
  status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_status_code INTEGER,
  last_error TEXT NOT NULL DEFAULT '',
  replay_of BIGINT REFERENCES webhook_deliveries (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, id);

-- Every attempt: when, the answer's status code (none when no answer came), how long it took, what failed.
CREATE TABLE webhook_attempts (
  id {{ID}},
  delivery_id BIGINT NOT NULL REFERENCES webhook_deliveries (id),
  at TEXT NOT NULL,
  status_code INTEGER,
  duration_ms INTEGER NOT NULL,
  error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, id);
