-- A replica as schema version 1 wrote it: two reports, one event and a feed position.

CREATE TABLE report (
    id TEXT PRIMARY KEY,
    public_code TEXT,
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
    latitude REAL,
    longitude REAL,
    accuracy_m REAL,
    approximate INTEGER NOT NULL DEFAULT 0,
    address TEXT,
    admin_unit TEXT,
    district TEXT,
    received_at TEXT NOT NULL,
    updated_at TEXT,
    due_at TEXT,
    resolved_at TEXT,
    closed_at TEXT,
    agency TEXT,
    claim_holder TEXT,
    claim_expires_at TEXT,
    duplicate_of TEXT,
    public_response TEXT,
    rating INTEGER,
    reject_reason TEXT,
    version INTEGER NOT NULL,
    reporter_count INTEGER NOT NULL DEFAULT 0,
    simulated INTEGER NOT NULL DEFAULT 0,
    -- 1 while an operation of this workstation is applied here but not yet accepted
    local_pending INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX report_received ON report (received_at DESC);
CREATE INDEX report_status ON report (status);

CREATE TABLE event (
    id TEXT PRIMARY KEY,
    report_id TEXT NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    actor TEXT,
    at TEXT NOT NULL,
    data TEXT NOT NULL DEFAULT '{}',
    -- 1 for an event made by a local operation that the central has not accepted yet
    pending INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX event_report ON event (report_id, at);

CREATE TABLE media (
    id TEXT PRIMARY KEY,
    report_id TEXT NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    mime_type TEXT,
    sha256 TEXT,
    size INTEGER NOT NULL DEFAULT 0,
    width INTEGER NOT NULL DEFAULT 0,
    height INTEGER NOT NULL DEFAULT 0,
    duration_ms INTEGER NOT NULL DEFAULT 0,
    captured_at TEXT,
    captured_latitude REAL,
    captured_longitude REAL,
    url TEXT,
    file_name TEXT
);
CREATE INDEX media_report ON media (report_id);

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

CREATE TABLE admin_unit (
    code TEXT PRIMARY KEY,
    name_vi TEXT NOT NULL,
    name_en TEXT,
    kind TEXT NOT NULL,
    boundary TEXT,
    min_latitude REAL,
    min_longitude REAL,
    max_latitude REAL,
    max_longitude REAL
);

CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    operation_id TEXT NOT NULL UNIQUE,
    report_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    -- pending: not decided yet; accepted or refused: decided, waiting for the cursor to be saved
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE INDEX outbox_report ON outbox (report_id, state);

CREATE TABLE attention (
    operation_id TEXT PRIMARY KEY,
    report_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    refusal TEXT NOT NULL,
    reason TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    dismissed INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE sync_state (
    key TEXT PRIMARY KEY,
    value TEXT
);
INSERT INTO report (id, public_code, channel, title, description, priority, status, received_at, version, address)
VALUES ('6f1c1d8e-0000-4000-8000-000000000001', 'HUE-250817-0001', 'portal', 'Xe tải trên đường Nguyễn Chí Thanh',
        'Xe container đi trên đường Nguyễn Chí Thanh – Hồ Xuân Hương', 'normal', 'new', '2025-08-17T07:37:00.000Z', 1, 'Đường Hồ Xuân Hương');
INSERT INTO report (id, public_code, channel, title, description, priority, status, received_at, version)
VALUES ('6f1c1d8e-0000-4000-8000-000000000002', 'HUE-251031-0001', 'app', NULL,
        'Ổ gà rất lớn trên đường Dạ Lê', 'normal', 'triaged', '2025-10-31T15:01:00.000Z', 2);
INSERT INTO event (id, report_id, kind, actor, at, data)
VALUES ('6f1c1d8e-0000-4000-8000-0000000000e1', '6f1c1d8e-0000-4000-8000-000000000001', 'imported', 'import:hue', '2025-08-17T07:40:00.000Z', '{}');
INSERT INTO sync_state (key, value) VALUES ('feed_cursor', '2');
PRAGMA user_version = 1;
