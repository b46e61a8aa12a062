-- The match key of every company spelling an import has met: company_key() is a pure function
-- whose regular expressions were a tenth of re-importing an unchanged 30,000-person export, so
-- a spelling seen before is looked up instead. A memo, not the user's data: a migration that
-- changes company_key() must empty this table.
CREATE TABLE company_spellings (
    spelling VARCHAR PRIMARY KEY,
    match_key VARCHAR NOT NULL
);
