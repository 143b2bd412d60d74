-- Reminders: what the reminder scheduler announced, snoozed or dismissed, so
-- a reminder fires once even across restarts. When reminders were first
-- checked is the setting 'reminders.since'.

CREATE TABLE reminder_state (
    kind             TEXT NOT NULL CHECK (kind IN ('event', 'task')),
    item_id          TEXT NOT NULL,               -- events.id or tasks.id
    occurrence_start TEXT NOT NULL,               -- UTC start of the occurrence (task: due)
    minutes_before   INTEGER NOT NULL,
    remind_at        TEXT NOT NULL,               -- occurrence_start minus minutes_before
    fired_at         TEXT,
    snoozed_until    TEXT,
    dismissed_at     TEXT,
    PRIMARY KEY (kind, item_id, occurrence_start, minutes_before)
) WITHOUT ROWID;
CREATE INDEX reminder_state_open ON reminder_state (remind_at)
    WHERE fired_at IS NOT NULL AND dismissed_at IS NULL;
CREATE INDEX reminder_state_by_time ON reminder_state (remind_at);
