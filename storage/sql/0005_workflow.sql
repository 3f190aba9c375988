-- Replica schema version 5: the columns of the rest of the workflow, and the reference
-- documents (working calendar, processing times, response templates) as the central keeps them.

ALTER TABLE report ADD COLUMN clock_started_at TEXT;
ALTER TABLE report ADD COLUMN waiting_since TEXT;
ALTER TABLE report ADD COLUMN resume_status TEXT;
ALTER TABLE report ADD COLUMN extension_due_at TEXT;
ALTER TABLE report ADD COLUMN extension_reason TEXT;

CREATE TABLE reference_document (
    key TEXT PRIMARY KEY,
    body TEXT NOT NULL
);
