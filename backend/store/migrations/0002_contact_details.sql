-- More of what a vCard carries: nickname, department, the personal
-- profile, web and postal addresses, birthday and anniversary.
ALTER TABLE contacts ADD COLUMN nickname    TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN department  TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN profile     TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN urls        TEXT NOT NULL DEFAULT '[]';  -- JSON [{"label":…,"value":…}]
ALTER TABLE contacts ADD COLUMN addresses   TEXT NOT NULL DEFAULT '[]';  -- JSON [{"label":…,"street":…,…}]
ALTER TABLE contacts ADD COLUMN birthday    TEXT NOT NULL DEFAULT '';    -- YYYY-MM-DD, --MM-DD or ''
ALTER TABLE contacts ADD COLUMN anniversary TEXT NOT NULL DEFAULT '';
