-- One row for every write committed through infoint.db.transaction, so "nothing was written
-- since this import" (the undo offer) is a count, where a digest of every table's rows cost
-- a tenth of a 30,000-person import. Rows are only ever added: appends never conflict.
CREATE TABLE write_log (
    written_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp()
);
