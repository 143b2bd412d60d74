-- The selling areas' shared ground: owners (the local user profile and the
-- colleagues whose records share this database) and dated exchange rates
-- into the home currency. The home currency is the setting 'home_currency'
-- and the local user the setting 'me' (an owners.id).

CREATE TABLE owners (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    email      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);

-- One unit of currency is worth rate (decimal text) units of base (the home
-- currency when the rate was typed) from rate_date (YYYY-MM-DD) on. Only the
-- rates whose base is the current home currency are used; switching back
-- brings the old ones back.
CREATE TABLE exchange_rates (
    base       TEXT NOT NULL,
    currency   TEXT NOT NULL,
    rate_date  TEXT NOT NULL,
    rate       TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (base, currency, rate_date)
) WITHOUT ROWID;
