-- A built-in first message for someone the user already knows (1st degree, no mutual
-- contact): the cold one, written to a stranger after reading their work, reads oddly to an
-- old colleague. `for_known` marks it, so infoint.outreach offers it to people the user
-- knows and never to a stranger, whatever the user renames it to. Like the other built-ins
-- it is editable and can be archived, never deleted. A template of the user's own already
-- called so keeps its name; ours then says it is the built-in one.
ALTER TABLE templates ADD COLUMN for_known BOOLEAN NOT NULL DEFAULT false;

INSERT INTO templates (name, subject, body, builtin, kind, for_known)
SELECT
    CASE WHEN EXISTS (
        SELECT 1 FROM templates
        WHERE lower(name) = lower('Someone you already know') AND NOT archived
    ) THEN 'Someone you already know (built-in)' ELSE 'Someone you already know' END,
    'Catching up, and a question about {my_focus}',
    'Hi {first_name},

I hope you''re well; it''s been a while since we spoke. I''m now {my_role}, and I''m learning about {my_focus}.

You came to mind because your work at {company} is close to what I want to understand.

Would you have 20 minutes for a call or a coffee (my treat) in the next few weeks? I''m not asking for a job, only for your view, and I''d love to hear your news too.

All the best,
{my_first_name}',
    true,
    'outreach',
    true;
