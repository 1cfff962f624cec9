-- Schema v2, SQLite (docs/store.md, "Schema and migrations"): an assessment's JSON is stored Brotli-compressed
-- (assessment_br; Database/AssessmentText.cs) instead of as text, about a fifth of the size. SQLite cannot relax a
-- NOT NULL column in place, so the table is made anew with the same rows; the text column stays (nullable) for rows
-- not compressed yet, and each row holds exactly one of the two. Migrations.cs compresses the v1 rows right after this
-- script, in the same transaction. The two go last: a row's columns are read in order, and SQLite reaches a column
-- stored after a large value only by walking that value's overflow pages, so the timeline read without the
-- assessments (inputs_json, point_json) would otherwise read every assessment's pages too.

CREATE TABLE assessments_v2 (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    patient_id       TEXT NOT NULL REFERENCES patients (id),
    as_of            TEXT NOT NULL,
    engine_version   TEXT NOT NULL,
    profile          TEXT NOT NULL,
    arrival_ids      TEXT NOT NULL,
    output_sha256    TEXT NOT NULL,
    inputs_json      TEXT NOT NULL,
    point_json       TEXT NOT NULL,
    is_current       INTEGER NOT NULL,
    made_at          TEXT NOT NULL,
    assessment_json  TEXT,
    assessment_br    BLOB,
    CHECK ((assessment_json IS NULL) <> (assessment_br IS NULL))
);
INSERT INTO assessments_v2 (id, patient_id, as_of, engine_version, profile, arrival_ids, output_sha256, inputs_json, point_json, is_current, made_at, assessment_json, assessment_br)
    SELECT id, patient_id, as_of, engine_version, profile, arrival_ids, output_sha256, inputs_json, point_json, is_current, made_at, assessment_json, NULL FROM assessments;
DROP TABLE assessments;
ALTER TABLE assessments_v2 RENAME TO assessments;
CREATE INDEX assessments_current ON assessments (patient_id, is_current, as_of);
