-- Sales history: orders with their lines, and the re-order reminders made
-- from each customer's purchase frequency. Orders are not journalled (they
-- are not CardDAV/CalDAV records) but keep id, version, timestamps and a
-- tombstone so team sync can come later.

CREATE TABLE orders (
    id             TEXT PRIMARY KEY,
    version        INTEGER NOT NULL DEFAULT 1,
    number         TEXT NOT NULL,                  -- "2026-0001"
    company_id     TEXT,                           -- the customer: a company,
    contact_id     TEXT,                           -- a contact, or both
    customer_key   TEXT NOT NULL,                  -- 'company:<id>' or 'contact:<id>'
    order_date     TEXT NOT NULL,                  -- YYYY-MM-DD
    currency       TEXT NOT NULL,                  -- ISO 4217, of every line
    total_minor    INTEGER NOT NULL DEFAULT 0,     -- sum of the lines, minor units
    payment_status TEXT NOT NULL DEFAULT 'due' CHECK (payment_status IN ('paid', 'due')),
    due_date       TEXT NOT NULL DEFAULT '',       -- YYYY-MM-DD or ''; overdue = due and due_date < today
    paid_at        TEXT NOT NULL DEFAULT '',       -- YYYY-MM-DD or ''
    notes          TEXT NOT NULL DEFAULT '',
    deal_id        TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT
);
-- A number names one live order.
CREATE UNIQUE INDEX orders_number ON orders (number) WHERE deleted_at IS NULL;
CREATE INDEX orders_by_date ON orders (order_date DESC, number DESC) WHERE deleted_at IS NULL;
CREATE INDEX orders_by_customer ON orders (customer_key, order_date) WHERE deleted_at IS NULL;
CREATE INDEX orders_by_company ON orders (company_id, order_date) WHERE deleted_at IS NULL;
CREATE INDEX orders_by_contact ON orders (contact_id, order_date) WHERE deleted_at IS NULL;
CREATE INDEX orders_unpaid ON orders (due_date) WHERE deleted_at IS NULL AND payment_status = 'due';

-- The highest number "YYYY-N" given per year, so the next automatic
-- number is found without reading the year's orders (a number typed by
-- the user in that form moves it too; deleted orders keep theirs).
CREATE TABLE order_counters (
    year TEXT PRIMARY KEY,
    last INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE order_lines (
    order_id    TEXT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    product     TEXT NOT NULL,
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    unit_minor  INTEGER NOT NULL,                  -- in the order's currency
    total_minor INTEGER NOT NULL,
    PRIMARY KEY (order_id, position)
) WITHOUT ROWID;

-- One row per re-order task made: a customer is reminded once per expected
-- date, even when the user deletes or completes the task. When the
-- customer orders again (an order after last_order), the task is completed
-- by Fieldbook and the row settled.
CREATE TABLE reorder_reminders (
    customer_key  TEXT NOT NULL,
    expected_date TEXT NOT NULL,                   -- YYYY-MM-DD
    last_order    TEXT NOT NULL,                   -- the last order date the expectation was read from
    task_id       TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    settled_at    TEXT,                            -- the customer ordered again
    PRIMARY KEY (customer_key, expected_date)
) WITHOUT ROWID;
