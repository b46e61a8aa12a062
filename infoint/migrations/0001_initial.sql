-- The whole data model of DESIGN.md. No FOREIGN KEYs and UNIQUE only on keys that never
-- change: DuckDB refuses updates of indexed columns of referenced rows, so references
-- and enumerations are enforced in the domain modules.

CREATE SEQUENCE company_id_seq START 1;
CREATE SEQUENCE contact_id_seq START 1;
CREATE SEQUENCE change_id_seq START 1;
CREATE SEQUENCE interaction_id_seq START 1;
CREATE SEQUENCE meeting_id_seq START 1;
CREATE SEQUENCE meeting_question_id_seq START 1;
CREATE SEQUENCE question_id_seq START 1;
CREATE SEQUENCE template_id_seq START 1;
CREATE SEQUENCE batch_id_seq START 1;

CREATE TABLE companies (
    id BIGINT PRIMARY KEY DEFAULT nextval('company_id_seq'),
    name VARCHAR NOT NULL,
    match_key VARCHAR NOT NULL UNIQUE,
    industry VARCHAR,
    status VARCHAR NOT NULL DEFAULT 'network',
    ruled_out_reason VARCHAR,
    motivation SMALLINT NOT NULL DEFAULT 0,
    postings SMALLINT NOT NULL DEFAULT 0,
    research_notes VARCHAR NOT NULL DEFAULT '',
    source VARCHAR NOT NULL DEFAULT 'linkedin',
    created_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp()
);

CREATE TABLE contacts (
    id BIGINT PRIMARY KEY DEFAULT nextval('contact_id_seq'),
    profile_key VARCHAR NOT NULL UNIQUE,
    linkedin_url VARCHAR,
    first_name VARCHAR NOT NULL DEFAULT '',
    last_name VARCHAR NOT NULL DEFAULT '',
    email VARCHAR NOT NULL DEFAULT '',
    linkedin_email VARCHAR NOT NULL DEFAULT '',
    company_id BIGINT,
    position VARCHAR NOT NULL DEFAULT '',
    connected_on DATE,
    degree VARCHAR NOT NULL DEFAULT '1st',
    mutual_contact_id BIGINT,
    referred_by BIGINT,
    source VARCHAR NOT NULL DEFAULT 'linkedin',
    notes VARCHAR NOT NULL DEFAULT '',
    tags VARCHAR NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
    updated_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp()
);

CREATE TABLE import_batches (
    id BIGINT PRIMARY KEY DEFAULT nextval('batch_id_seq'),
    file_name VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    imported_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
    added INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE contact_changes (
    id BIGINT PRIMARY KEY DEFAULT nextval('change_id_seq'),
    contact_id BIGINT NOT NULL,
    field VARCHAR NOT NULL,
    old_value VARCHAR,
    new_value VARCHAR,
    batch_id BIGINT,
    changed_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp()
);

CREATE TABLE interactions (
    id BIGINT PRIMARY KEY DEFAULT nextval('interaction_id_seq'),
    contact_id BIGINT NOT NULL,
    kind VARCHAR NOT NULL,
    channel VARCHAR NOT NULL DEFAULT 'email',
    occurred_at TIMESTAMP NOT NULL,
    template_id BIGINT,
    subject VARCHAR NOT NULL DEFAULT '',
    body VARCHAR NOT NULL DEFAULT '',
    source VARCHAR NOT NULL DEFAULT 'manual',
    external_key VARCHAR,
    created_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp()
);

CREATE TABLE meetings (
    id BIGINT PRIMARY KEY DEFAULT nextval('meeting_id_seq'),
    contact_id BIGINT NOT NULL,
    starts_at TIMESTAMPTZ NOT NULL,
    promised_minutes INTEGER NOT NULL DEFAULT 20,
    actual_minutes INTEGER,
    place VARCHAR NOT NULL DEFAULT '',
    status VARCHAR NOT NULL DEFAULT 'scheduled',
    prep_notes VARCHAR NOT NULL DEFAULT '',
    notes VARCHAR NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp()
);

CREATE TABLE questions (
    id BIGINT PRIMARY KEY DEFAULT nextval('question_id_seq'),
    text VARCHAR NOT NULL,
    category VARCHAR NOT NULL DEFAULT 'insights',
    need VARCHAR NOT NULL DEFAULT 'occupation',
    builtin BOOLEAN NOT NULL DEFAULT false,
    archived BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE meeting_questions (
    id BIGINT PRIMARY KEY DEFAULT nextval('meeting_question_id_seq'),
    meeting_id BIGINT NOT NULL,
    question_id BIGINT,
    question VARCHAR NOT NULL,
    answer VARCHAR NOT NULL DEFAULT ''
);

CREATE TABLE templates (
    id BIGINT PRIMARY KEY DEFAULT nextval('template_id_seq'),
    name VARCHAR NOT NULL,
    subject VARCHAR NOT NULL DEFAULT '',
    body VARCHAR NOT NULL DEFAULT '',
    builtin BOOLEAN NOT NULL DEFAULT false,
    archived BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE profile (
    id INTEGER PRIMARY KEY DEFAULT 1,
    name VARCHAR NOT NULL DEFAULT '',
    job_title VARCHAR NOT NULL DEFAULT '',
    focus_kind VARCHAR NOT NULL DEFAULT 'occupation',
    focus VARCHAR NOT NULL DEFAULT '',
    focus_detail VARCHAR NOT NULL DEFAULT '',
    holidays VARCHAR NOT NULL DEFAULT '',
    time_zone VARCHAR NOT NULL DEFAULT 'UTC'
);
INSERT INTO profile (id) VALUES (1);

CREATE TABLE ruled_out_industries (
    industry VARCHAR NOT NULL,
    reason VARCHAR NOT NULL DEFAULT '',
    ruled_out_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp()
);

-- A contact's funnel stage, derived from the event tables and never stored:
-- 1 contacted (outreach or follow-up), 2 replied, 3 met (a held meeting),
-- 4 referred (a referral logged on them, or someone whose referred_by is them),
-- 5 opportunity. first_outreach_at dates the contact for the funnel's date filter.
CREATE VIEW contact_stages AS
WITH events AS (
    SELECT contact_id,
           CASE kind
               WHEN 'outreach' THEN 1 WHEN 'follow_up' THEN 1 WHEN 'reply' THEN 2
               WHEN 'referral' THEN 4 WHEN 'opportunity' THEN 5
           END AS stage,
           occurred_at AS at
    FROM interactions
    WHERE kind IN ('outreach', 'follow_up', 'reply', 'referral', 'opportunity')
    UNION ALL
    SELECT contact_id, 3, CAST(starts_at AS TIMESTAMP) FROM meetings WHERE status = 'held'
    UNION ALL
    SELECT referred_by, 4, created_at FROM contacts WHERE referred_by IS NOT NULL
)
SELECT c.id AS contact_id,
       coalesce(max(e.stage), 0) AS stage,
       coalesce(min(e.at) FILTER (WHERE e.stage = 1), min(e.at)) AS first_outreach_at
FROM contacts c
LEFT JOIN events e ON e.contact_id = c.id
GROUP BY c.id;

-- The company match key: case-, space-, punctuation- and legal-suffix-insensitive, so that
-- "Acme", "ACME Inc." and "Acme, Inc" are one company. Set once per company, never changed.
CREATE MACRO company_key(name) AS
    trim(regexp_replace(
        regexp_replace(
            regexp_replace(
                regexp_replace(lower(trim(name)), '[.,;:()"]', ' ', 'g'),
                '\s+(inc|incorporated|llc|llp|ltd|limited|corp|corporation|co|plc|gmbh|ag|sa|bv|nv|pty|pte|srl|spa|oy|ab|se)\s*$', ''),
            '\s+(inc|incorporated|llc|llp|ltd|limited|corp|corporation|co|plc|gmbh|ag|sa|bv|nv|pty|pte|srl|spa|oy|ab|se)\s*$', ''),
        '\s+', ' ', 'g'));
