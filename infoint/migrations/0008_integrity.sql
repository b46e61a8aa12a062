-- What the user decided stays decided when the same export is imported again.
-- No indexes: as with contacts.profile_key (0005), the domain keeps each key once; the
-- tables stay small and are only ever joined whole.

-- A company merged into another (infoint.targets.merge_companies) leaves its match key here,
-- and hands over the keys merged into it before: an import, a target list or a typed name
-- with that key finds the company kept instead of making the merged one again.
CREATE TABLE company_aliases (
    match_key VARCHAR NOT NULL,
    company_id BIGINT NOT NULL
);

-- A person merged into another (infoint.contacts.merge_contacts) leaves the profile key and
-- address the kept record did not take: the importer finds the kept person by them.
CREATE TABLE contact_aliases (
    profile_key VARCHAR NOT NULL,
    contact_id BIGINT NOT NULL
);

-- People the user deleted (infoint.contacts.delete_contact): a one-way hash (sha256) of each
-- key an export could bring them back by, and when. No name, address or key is kept, so
-- nothing here says who they were; the importer skips a row whose key hashes to one of these.
CREATE TABLE forgotten_people (
    key_hash VARCHAR NOT NULL,
    forgotten_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp()
);
