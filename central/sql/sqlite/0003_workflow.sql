-- Schema version 3: the rest of the workflow. The deadline clock, the wait for a citizen's
-- answer and a pending extension live on the report; the working calendar, the processing
-- times and the response templates are reference documents, one JSON text per key.

ALTER TABLE report ADD COLUMN clock_started_at TEXT;
ALTER TABLE report ADD COLUMN waiting_since TEXT;
ALTER TABLE report ADD COLUMN resume_status TEXT;
ALTER TABLE report ADD COLUMN extension_due_at TEXT;
ALTER TABLE report ADD COLUMN extension_reason TEXT;

CREATE TABLE reference_document (
    key TEXT PRIMARY KEY,
    body TEXT NOT NULL
);
