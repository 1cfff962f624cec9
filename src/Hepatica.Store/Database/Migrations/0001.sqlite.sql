-- Schema v1 of the longitudinal record, SQLite (docs/store.md, "Schema and migrations").
-- Instants are UTC text in one fixed-width form (yyyy-MM-ddTHH:mm:ss.fffffffZ), so text order is time order.
-- AUTOINCREMENT: row ids are never reused after an erase, because receipts name arrivals by id.

CREATE TABLE patients (
    id          TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL
);

CREATE TABLE arrivals (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id       TEXT NOT NULL REFERENCES patients (id),
    kind             TEXT NOT NULL,
    resource_type    TEXT,
    resource_id      TEXT,
    version_id       TEXT,
    identity_key     TEXT NOT NULL,
    content_hash     TEXT NOT NULL,
    body             BLOB NOT NULL,
    source           TEXT NOT NULL,
    effective        TEXT,
    last_updated     TEXT,
    entered_in_error INTEGER NOT NULL,
    received_at      TEXT NOT NULL,
    is_current       INTEGER NOT NULL,
    superseded_by    INTEGER REFERENCES arrivals (id),
    UNIQUE (patient_id, identity_key)
);
CREATE INDEX arrivals_by_resource ON arrivals (patient_id, resource_type, resource_id);
CREATE INDEX arrivals_current ON arrivals (patient_id, is_current);

CREATE TABLE assessments (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id       TEXT NOT NULL REFERENCES patients (id),
    as_of            TEXT NOT NULL,
    engine_version   TEXT NOT NULL,
    profile          TEXT NOT NULL,
    arrival_ids      TEXT NOT NULL,
    output_sha256    TEXT NOT NULL,
    assessment_json  TEXT NOT NULL,
    inputs_json      TEXT NOT NULL,
    point_json       TEXT NOT NULL,
    is_current       INTEGER NOT NULL,
    made_at          TEXT NOT NULL
);
CREATE INDEX assessments_current ON assessments (patient_id, is_current, as_of);

CREATE TABLE alerts (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id     TEXT NOT NULL REFERENCES patients (id),
    rule_id        TEXT NOT NULL,
    episode_start  TEXT NOT NULL,
    latest_at      TEXT NOT NULL,
    evidence_key   TEXT NOT NULL,
    severity       TEXT NOT NULL,
    text           TEXT NOT NULL,
    citation_json  TEXT NOT NULL,
    state          TEXT NOT NULL,
    fired_at       TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    updates        INTEGER NOT NULL,
    state_by       TEXT,
    UNIQUE (patient_id, rule_id, episode_start)
);
CREATE INDEX alerts_by_state ON alerts (state, id);

CREATE TABLE shown (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id      INTEGER NOT NULL REFERENCES alerts (id),
    evidence_key  TEXT NOT NULL,
    channel       TEXT NOT NULL,
    shown_at      TEXT NOT NULL,
    UNIQUE (alert_id, evidence_key, channel)
);
