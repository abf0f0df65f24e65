-- Regions, organizations, users, sessions, login throttling and the audit log.
-- Times a person reads are ISO-8601 UTC text; times the server computes with are Unix seconds.

CREATE TABLE regions (
  id {{ID}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('province', 'city', 'district', 'street')),
  parent_id BIGINT REFERENCES regions (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX regions_parent ON regions (parent_id);

CREATE TABLE organizations (
  id {{ID}},
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('platform', 'regulator', 'insurer', 'agency', 'enterprise', 'park')),
  parent_id BIGINT REFERENCES organizations (id),
  credit_code TEXT NOT NULL DEFAULT '',
  contact_phone TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX organizations_parent ON organizations (parent_id);
CREATE INDEX organizations_type ON organizations (type);

CREATE TABLE organization_regions (
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  region_id BIGINT NOT NULL REFERENCES regions (id),
  PRIMARY KEY (org_id, region_id)
);
CREATE INDEX organization_regions_region ON organization_regions (region_id);

CREATE TABLE users (
  id {{ID}},
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  last_login_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX users_org ON users (org_id);

CREATE TABLE user_roles (
  user_id BIGINT NOT NULL REFERENCES users (id),
  role TEXT NOT NULL
    CHECK (role IN ('admin', 'manager', 'expert', 'technician', 'reviewer', 'viewer', 'enterprise_user')),
  PRIMARY KEY (user_id, role)
);

CREATE TABLE sessions (
  id {{ID}},
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  remote_addr TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_failures (
  id {{ID}},
  username TEXT NOT NULL,
  at BIGINT NOT NULL,
  remote_addr TEXT NOT NULL DEFAULT ''
);
CREATE INDEX login_failures_username_at ON login_failures (username, at);

CREATE TABLE audit_log (
  id {{ID}},
  at TEXT NOT NULL,
  user_id BIGINT,
  username TEXT NOT NULL DEFAULT '',
  org_id BIGINT,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL,
  changes TEXT NOT NULL DEFAULT '{}',
  request_id TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_org ON audit_log (org_id, id);
CREATE INDEX audit_log_user ON audit_log (user_id, id);
