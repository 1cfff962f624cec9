-- Schema v2, PostgreSQL (docs/store.md, "Schema and migrations"): an assessment's JSON is stored Brotli-compressed
-- (assessment_br; Database/AssessmentText.cs) instead of as text. TOAST compressed the text on disk already, but every
-- read sent the whole text over the wire; the compressed bytes are stored as they are (STORAGE EXTERNAL: no second
-- compression attempt). The text column stays (nullable) for rows not compressed yet, and each row holds exactly one of
-- the two. Migrations.cs compresses the v1 rows right after this script, in the same transaction.

ALTER TABLE assessments ALTER COLUMN assessment_json DROP NOT NULL;
ALTER TABLE assessments ADD COLUMN assessment_br bytea;
ALTER TABLE assessments ALTER COLUMN assessment_br SET STORAGE EXTERNAL;
ALTER TABLE assessments ADD CONSTRAINT assessments_one_form CHECK ((assessment_json IS NULL) <> (assessment_br IS NULL));
