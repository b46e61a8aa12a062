-- The key of a LinkedIn connection without a profile address: its names, lower-cased, and the
-- day LinkedIn connected you ('YYYY-MM-DD', or '' in the export when missing). The importer
-- compares it, the demo avoids it and a deleted person's is remembered, so it is written once,
-- here. A DATE is joined as 'YYYY-MM-DD'; a NULL one makes the key NULL, as no key at all.
CREATE MACRO fallback_key(first_name, last_name, connected_on) AS
    'nourl:' || lower(first_name) || '|' || lower(last_name) || '|' || connected_on;
