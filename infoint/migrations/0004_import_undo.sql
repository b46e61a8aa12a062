-- What the data looked like right after an import, and the backup taken just before it,
-- so "undo the last import" is offered only while nothing else was written since.
-- The fingerprint is infoint.settings.fingerprint(); this table is left out of it.
CREATE TABLE import_undo (
    batch_id BIGINT PRIMARY KEY,
    backup_file VARCHAR NOT NULL,
    fingerprint VARCHAR NOT NULL,
    recorded_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp()
);
