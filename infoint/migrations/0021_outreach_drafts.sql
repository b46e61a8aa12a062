-- The user's unsent drafts on Outreach, one per person and template (template_id NULL: a
-- blank page), so a reload, a new tab or a restart brings back the words being written:
-- a misclick never loses work. infoint.outreach writes them as the user edits, and drops one
-- when it is logged as sent or the user starts again from the template; deleting the person
-- drops theirs (every table with a contact_id), a merge moves them. What the template said
-- when they were saved (composed_*) lets later details from Settings be filled in, as on a
-- return within a session. `logged_before` is the last message of the draft's kind logged
-- for the person when it was saved: one logged since (on Contacts, say) means it was sent.
-- No UNIQUE on (contact_id, template_id): a merge changes contact_id (see DESIGN.md);
-- infoint.outreach keeps one row per person and template, and reads the latest.
CREATE SEQUENCE outreach_draft_id_seq START 1;

CREATE TABLE outreach_drafts (
    id BIGINT PRIMARY KEY DEFAULT nextval('outreach_draft_id_seq'),
    contact_id BIGINT NOT NULL,
    template_id BIGINT,
    kind VARCHAR NOT NULL,
    subject VARCHAR NOT NULL,
    body VARCHAR NOT NULL,
    composed_subject VARCHAR NOT NULL,
    composed_body VARCHAR NOT NULL,
    logged_before BIGINT NOT NULL DEFAULT 0,
    saved_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp()
);
