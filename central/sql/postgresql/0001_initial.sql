-- PostgreSQL central database, schema version 1: the same data model as the embedded central,
-- with times as timestamptz and an event table that rejects UPDATE and DELETE. Applied once
-- by `civicdeskctl central migrate`, which records it in schema_migration.

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE report (
    id TEXT PRIMARY KEY,
    public_code TEXT UNIQUE,
    source TEXT,
    source_id TEXT,
    source_status TEXT,
    source_category TEXT,
    source_agency TEXT,
    channel TEXT NOT NULL,
    title TEXT,
    description TEXT,
    category TEXT,
    subcategory TEXT,
    priority TEXT NOT NULL,
    status TEXT NOT NULL,
    latitude double precision,
    longitude double precision,
    accuracy_m double precision,
    approximate INTEGER NOT NULL DEFAULT 0,
    address TEXT,
    admin_unit TEXT,
    district TEXT,
    received_at timestamptz NOT NULL,
    updated_at timestamptz,
    due_at timestamptz,
    resolved_at timestamptz,
    closed_at timestamptz,
    agency TEXT,
    claim_holder TEXT,
    claim_expires_at timestamptz,
    duplicate_of TEXT,
    public_response TEXT,
    rating INTEGER,
    reject_reason TEXT,
    version INTEGER NOT NULL,
    reporter_count INTEGER NOT NULL DEFAULT 0,
    simulated INTEGER NOT NULL DEFAULT 0,
    revision bigint NOT NULL,
    -- imported field values as of the last import, to tell source changes from operator changes
    import_snapshot TEXT
);
CREATE UNIQUE INDEX report_source ON report (source, source_id);
CREATE INDEX report_revision ON report (revision);

CREATE TABLE event (
    id TEXT PRIMARY KEY,
    report_id TEXT NOT NULL REFERENCES report (id),
    kind TEXT NOT NULL,
    actor TEXT,
    at timestamptz NOT NULL,
    data jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX event_report ON event (report_id);

CREATE TABLE reporter (
    id TEXT PRIMARY KEY,
    name TEXT,
    phone TEXT UNIQUE
);

CREATE TABLE report_reporter (
    report_id TEXT NOT NULL REFERENCES report (id),
    reporter_id TEXT NOT NULL REFERENCES reporter (id),
    PRIMARY KEY (report_id, reporter_id)
);

CREATE TABLE media (
    id TEXT PRIMARY KEY,
    report_id TEXT NOT NULL REFERENCES report (id),
    kind TEXT NOT NULL,
    mime_type TEXT,
    sha256 TEXT,
    size bigint NOT NULL DEFAULT 0,
    width INTEGER NOT NULL DEFAULT 0,
    height INTEGER NOT NULL DEFAULT 0,
    duration_ms bigint NOT NULL DEFAULT 0,
    captured_at timestamptz,
    captured_latitude double precision,
    captured_longitude double precision,
    url TEXT,
    file_name TEXT
);
CREATE INDEX media_report ON media (report_id);

-- File contents, stored once per SHA-256 in chunks of at most 1 MiB.
CREATE TABLE media_chunk (
    sha256 TEXT NOT NULL,
    chunk INTEGER NOT NULL,
    data bytea NOT NULL,
    PRIMARY KEY (sha256, chunk)
);

-- Every operation the central has decided, so that a second delivery returns the first
-- decision instead of applying it again.
CREATE TABLE applied_operation (
    id TEXT PRIMARY KEY,
    report_id TEXT NOT NULL,
    refusal TEXT NOT NULL,
    reason TEXT,
    decided_at timestamptz NOT NULL
);

-- Last public code number given per day, in the installation's time zone.
CREATE TABLE day_counter (
    day TEXT PRIMARY KEY,
    last INTEGER NOT NULL
);

CREATE TABLE category (
    code TEXT PRIMARY KEY,
    name_vi TEXT NOT NULL,
    name_en TEXT NOT NULL,
    sort_order INTEGER NOT NULL
);

CREATE TABLE agency (
    id TEXT PRIMARY KEY,
    name_vi TEXT NOT NULL,
    name_en TEXT,
    admin_unit TEXT,
    active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE agency_alias (
    agency_id TEXT NOT NULL REFERENCES agency (id),
    alias TEXT NOT NULL,
    PRIMARY KEY (agency_id, alias)
);

CREATE TABLE admin_unit (
    code TEXT PRIMARY KEY,
    name_vi TEXT NOT NULL,
    name_en TEXT,
    kind TEXT NOT NULL,
    boundary TEXT,
    min_latitude double precision,
    min_longitude double precision,
    max_latitude double precision,
    max_longitude double precision
);


-- The timeline is append-only: a correction is a new event, never an edit.
CREATE FUNCTION reject_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'events are append-only: % on event % rejected', TG_OP, OLD.id;
END;
$$;

CREATE TRIGGER event_append_only BEFORE UPDATE OR DELETE ON event
    FOR EACH ROW EXECUTE FUNCTION reject_event_change();

INSERT INTO meta (key, value) VALUES ('revision', '0');
INSERT INTO meta (key, value) VALUES ('reference_revision', '0');
INSERT INTO meta (key, value) VALUES ('central_id', gen_random_uuid()::text);
