-- Schema v3, PostgreSQL (docs/store.md, "Schema and migrations"): saved assessments ("receipts" of the pages; docs/web.md,
-- "Receipts"): what was sent to POST /api/receipts and what it answered, both Brotli-compressed (Database/AssessmentText.cs),
-- under a random id that a link names instead of any patient data. patient_id is the input's own patient id when it
-- had one (not a reference to patients: an assessment need not be in the record), so erasing a patient erases them too.

CREATE TABLE receipts (
    id              text COLLATE "C" PRIMARY KEY,
    created_at      timestamptz NOT NULL,
    engine_version  text NOT NULL,
    content_type    text NOT NULL,
    as_of           text,
    profile         text,
    patient_id      text COLLATE "C",
    input_br        bytea NOT NULL,
    assessment_br   bytea NOT NULL
);
ALTER TABLE receipts ALTER COLUMN input_br SET STORAGE EXTERNAL;
ALTER TABLE receipts ALTER COLUMN assessment_br SET STORAGE EXTERNAL;
CREATE INDEX receipts_created ON receipts (created_at);
CREATE INDEX receipts_patient ON receipts (patient_id);
