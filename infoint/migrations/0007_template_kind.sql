-- What a template is for: a first message ('outreach') or the one polite follow-up
-- ('follow_up'). The composer offers the templates of the kind being written and opens
-- the follow-up on the follow-up template. The built-in follow-up no longer says "last
-- week" whenever it was: it names the day you wrote ({last_written}, filled from the log).
ALTER TABLE templates ADD COLUMN kind VARCHAR NOT NULL DEFAULT 'outreach';

UPDATE templates SET kind = 'follow_up'
WHERE builtin AND (name = 'One polite follow-up' OR body LIKE '%I wrote to you last week%');

UPDATE templates
SET body = replace(body, 'I wrote to you last week about', 'I wrote to you on {last_written} about')
WHERE builtin AND kind = 'follow_up';
