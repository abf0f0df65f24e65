-- Enterprises, policies, staff and their certificates.
-- Money is kept in fen (1/100 yuan) as integers; dates are YYYY-MM-DD text; lists are JSON text.

CREATE TABLE enterprises (
  id {{ID}},
  name TEXT NOT NULL,
  credit_code TEXT NOT NULL UNIQUE,
  legal_representative TEXT NOT NULL DEFAULT '',
  registered_address TEXT NOT NULL DEFAULT '',
  business_address TEXT NOT NULL DEFAULT '',
  longitude DOUBLE PRECISION,
  latitude DOUBLE PRECISION,
  contacts TEXT NOT NULL DEFAULT '[]',
  industry_code TEXT NOT NULL DEFAULT '',
  scale TEXT NOT NULL DEFAULT '' CHECK (scale IN ('', 'large', 'medium', 'small', 'micro')),
  region_id BIGINT NOT NULL REFERENCES regions (id),
  park_org_id BIGINT REFERENCES organizations (id),
  -- The enterprise's own organization, whose users sign in as this enterprise.
  org_id BIGINT UNIQUE REFERENCES organizations (id),
  production_status TEXT NOT NULL DEFAULT 'operating'
    CHECK (production_status IN ('operating', 'suspended', 'seasonal', 'closed')),
  permit_type TEXT NOT NULL DEFAULT 'none' CHECK (permit_type IN ('key', 'simplified', 'registration', 'none')),
  permit_number TEXT NOT NULL DEFAULT '',
  permit_valid_from TEXT,
  permit_valid_until TEXT,
  risk_level TEXT NOT NULL DEFAULT 'unknown' CHECK (risk_level IN ('general', 'larger', 'major', 'unknown')),
  risk_assessed_on TEXT,
  risk_source TEXT NOT NULL DEFAULT '',
  sensitive_receptors TEXT NOT NULL DEFAULT '[]',
  tags TEXT NOT NULL DEFAULT '[]',
  created_by_org_id BIGINT NOT NULL REFERENCES organizations (id),
  archived INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX enterprises_region ON enterprises (region_id);
CREATE INDEX enterprises_park ON enterprises (park_org_id);
CREATE INDEX enterprises_creator ON enterprises (created_by_org_id);
CREATE INDEX enterprises_industry ON enterprises (industry_code);

-- Agencies serving an enterprise. Interim link until commissions exist.
CREATE TABLE enterprise_agencies (
  enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
  agency_org_id BIGINT NOT NULL REFERENCES organizations (id),
  PRIMARY KEY (enterprise_id, agency_org_id)
);
CREATE INDEX enterprise_agencies_agency ON enterprise_agencies (agency_org_id);

CREATE TABLE policies (
  id {{ID}},
  insurance_type TEXT NOT NULL CHECK (insurance_type IN ('environmental', 'work_safety')),
  insurer_org_id BIGINT NOT NULL REFERENCES organizations (id),
  policy_number TEXT NOT NULL,
  enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  premium_fen BIGINT NOT NULL,
  sum_insured_fen BIGINT NOT NULL,
  -- The share of the premium kept for prevention services: an amount in fen or basis points of the premium.
  fund_share_kind TEXT NOT NULL CHECK (fund_share_kind IN ('amount', 'percent')),
  fund_share_value BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'terminated')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (insurer_org_id, policy_number)
);
CREATE INDEX policies_enterprise ON policies (enterprise_id);

CREATE TABLE staff (
  id {{ID}},
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  user_id BIGINT UNIQUE REFERENCES users (id),
  name TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  title_level TEXT NOT NULL DEFAULT 'none'
    CHECK (title_level IN ('none', 'junior', 'intermediate', 'senior', 'full_senior')),
  kind TEXT NOT NULL CHECK (kind IN ('expert', 'technician', 'safety_engineer')),
  expert_pool_level TEXT CHECK (expert_pool_level IN ('county', 'city', 'province', 'national')),
  safety_engineer_level TEXT CHECK (safety_engineer_level IN ('junior', 'intermediate', 'senior')),
  specialties TEXT NOT NULL DEFAULT '[]',
  evaluation_grade TEXT NOT NULL DEFAULT '' CHECK (evaluation_grade IN ('', 'excellent', 'good', 'fair', 'unqualified')),
  excluded INTEGER NOT NULL DEFAULT 0,
  excluded_reason TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX staff_org ON staff (org_id);

CREATE TABLE staff_certificates (
  id {{ID}},
  staff_id BIGINT NOT NULL REFERENCES staff (id),
  name TEXT NOT NULL,
  number TEXT NOT NULL DEFAULT '',
  expires_on TEXT
);
CREATE INDEX staff_certificates_staff ON staff_certificates (staff_id);
CREATE UNIQUE INDEX staff_org_phone ON staff (org_id, phone) WHERE phone <> '';
