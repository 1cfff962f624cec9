-- Schema v3, SQLite (docs/store.md, "Schema and migrations"): saved assessments ("receipts" of the pages; docs/web.md,
-- "Receipts"): what was sent to POST /api/receipts and what it answered, both Brotli-compressed (Database/AssessmentText.cs),
-- under a random id that a link names instead of any patient data. patient_id is the input's own patient id when it
-- had one (not a reference to patients: an assessment need not be in the record), so erasing a patient erases them too.

CREATE TABLE receipts (
    id              TEXT PRIMARY KEY,
    created_at      TEXT NOT NULL,
    engine_version  TEXT NOT NULL,
    content_type    TEXT NOT NULL,
    as_of           TEXT,
    profile         TEXT,
    patient_id      TEXT,
    input_br        BLOB NOT NULL,
    assessment_br   BLOB NOT NULL
);
CREATE INDEX receipts_created ON receipts (created_at);
CREATE INDEX receipts_patient ON receipts (patient_id);
