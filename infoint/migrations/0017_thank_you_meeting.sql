-- The meeting a thank-you was written for (infoint.meetings.log_thank_you). Without it, a
-- thank-you counted for every meeting with that person on its day or before, so thanking
-- someone for a second meeting cleared the reminder for a first one never thanked. NULL for
-- every interaction already logged, and for any logged elsewhere (a person's record): those
-- keep counting by their day, as before. No FOREIGN KEY (DESIGN.md): infoint.interactions
-- checks the meeting; deleting a meeting moves its thank-you to a copy of it
-- the same day, or leaves the id of the meeting gone (infoint.meetings.delete_meeting).
--
-- Added in place: every row and id stays, and DuckDB 2 adds a column to a table that views
-- read (contact_events, contact_stages), which name their columns and so stay as they are.

ALTER TABLE interactions ADD COLUMN meeting_id BIGINT;
