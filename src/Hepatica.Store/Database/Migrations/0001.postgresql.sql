-- Schema v1 of the longitudinal record, PostgreSQL (docs/store.md, "Schema and migrations").
-- Ids are text in the "C" collation so paging by id is byte order, as in SQLite, whatever the database's locale.

CREATE TABLE patients (
    id          text COLLATE "C" PRIMARY KEY,
    created_at  timestamptz NOT NULL
);

CREATE TABLE arrivals (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_id       text COLLATE "C" NOT NULL REFERENCES patients (id),
    kind             text NOT NULL,
    resource_type    text,
    resource_id      text,
    version_id       text,
    identity_key     text NOT NULL,
    content_hash     text NOT NULL,
    body             bytea NOT NULL,
    source           text NOT NULL,
    effective        timestamptz,
    last_updated     timestamptz,
    entered_in_error boolean NOT NULL,
    received_at      timestamptz NOT NULL,
    is_current       boolean NOT NULL,
    superseded_by    bigint REFERENCES arrivals (id),
    UNIQUE (patient_id, identity_key)
);
CREATE INDEX arrivals_by_resource ON arrivals (patient_id, resource_type, resource_id);
CREATE INDEX arrivals_current ON arrivals (patient_id, is_current);

CREATE TABLE assessments (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_id       text COLLATE "C" NOT NULL REFERENCES patients (id),
    as_of            timestamptz NOT NULL,
    engine_version   text NOT NULL,
    profile          text NOT NULL,
    arrival_ids      text NOT NULL,
    output_sha256    text NOT NULL,
    assessment_json  text NOT NULL,
    inputs_json      text NOT NULL,
    point_json       text NOT NULL,
    is_current       boolean NOT NULL,
    made_at          timestamptz NOT NULL
);
CREATE INDEX assessments_current ON assessments (patient_id, is_current, as_of);

CREATE TABLE alerts (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_id     text COLLATE "C" NOT NULL REFERENCES patients (id),
    rule_id        text NOT NULL,
    episode_start  timestamptz NOT NULL,
    latest_at      timestamptz NOT NULL,
    evidence_key   text NOT NULL,
    severity       text NOT NULL,
    text           text NOT NULL,
    citation_json  text NOT NULL,
    state          text NOT NULL,
    fired_at       timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    updates        integer NOT NULL,
    state_by       text,
    UNIQUE (patient_id, rule_id, episode_start)
);
CREATE INDEX alerts_by_state ON alerts (state, id);

CREATE TABLE shown (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_id      bigint NOT NULL REFERENCES alerts (id),
    evidence_key  text NOT NULL,
    channel       text NOT NULL,
    shown_at      timestamptz NOT NULL,
    UNIQUE (alert_id, evidence_key, channel)
);
