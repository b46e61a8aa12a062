-- The first import into a database holding no people and no companies only adds rows, so
-- undoing it only deletes them: it records its undo point with no backup file (NULL).
ALTER TABLE import_undo ALTER COLUMN backup_file DROP NOT NULL;
