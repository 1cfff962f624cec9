-- Schema v2, SQLite (docs/store.md, "Schema and migrations"): an assessment's JSON is stored Brotli-compressed
-- (assessment_br; Database/AssessmentText.cs) instead of as text, about a tenth of the size. SQLite cannot relax a
-- NOT NULL column in place, so the table is made anew with the same rows; the text column stays (nullable) for rows
-- not compressed yet, and each row holds exactly one of the two. Migrations.cs compresses the v1 rows right after this
-- script, in the same transaction.

CREATE TABLE assessments_v2 (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id       TEXT NOT NULL REFERENCES patients (id),
    as_of            TEXT NOT NULL,
    engine_version   TEXT NOT NULL,
    profile          TEXT NOT NULL,
    arrival_ids      TEXT NOT NULL,
    output_sha256    TEXT NOT NULL,
    assessment_json  TEXT,
    assessment_br    BLOB,
    inputs_json      TEXT NOT NULL,
    point_json       TEXT NOT NULL,
    is_current       INTEGER NOT NULL,
    made_at          TEXT NOT NULL,
    CHECK ((assessment_json IS NULL) <> (assessment_br IS NULL))
);
INSERT INTO assessments_v2 (id, patient_id, as_of, engine_version, profile, arrival_ids, output_sha256, assessment_json, assessment_br, inputs_json, point_json, is_current, made_at)
    SELECT id, patient_id, as_of, engine_version, profile, arrival_ids, output_sha256, assessment_json, NULL, inputs_json, point_json, is_current, made_at FROM assessments;
DROP TABLE assessments;
ALTER TABLE assessments_v2 RENAME TO assessments;
CREATE INDEX assessments_current ON assessments (patient_id, is_current, as_of);
