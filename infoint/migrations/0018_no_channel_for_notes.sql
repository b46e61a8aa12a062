-- A note to self and an opportunity are no message (infoint.contacts.KINDS_WITHOUT_CHANNEL),
-- yet were stored 'by email', the column's default: the workbook's "How" said Email for them
-- and the Fix form asked how a note was sent. They now have no channel (NULL), which
-- infoint.interactions stores for them; every other kind still needs one it knows. The
-- default stays 'email', as infoint.interactions logs a message nothing was said about.
--
-- Changed in place: every row and id stays, and the views (contact_events, contact_stages)
-- do not read the channel.
ALTER TABLE interactions ALTER COLUMN channel DROP NOT NULL;

UPDATE interactions SET channel = NULL WHERE kind IN ('note', 'opportunity');

-- Our first message for someone the user already knows (0013) said "it's been a while since
-- we spoke", but infoint.outreach offers it to anyone who replied or was met, last week too.
-- Reworded to fit both; a copy the user edited, or one of their own, keeps their words.
UPDATE templates
SET subject = 'A question about {my_focus}',
    body = 'Hi {first_name},

I hope you''ve been well since we spoke last. I''m currently {my_role}, and I''m learning about {my_focus}.

You came to mind because your work at {company} is close to what I want to understand.

Would you have 20 minutes for a call or a coffee (my treat) in the next few weeks? I''m not asking for a job, only for your view, and I''d love to hear your news too.

All the best,
{my_first_name}'
WHERE builtin AND for_known
  AND subject = 'Catching up, and a question about {my_focus}'
  AND body = 'Hi {first_name},

I hope you''re well; it''s been a while since we spoke. I''m now {my_role}, and I''m learning about {my_focus}.

You came to mind because your work at {company} is close to what I want to understand.

Would you have 20 minutes for a call or a coffee (my treat) in the next few weeks? I''m not asking for a job, only for your view, and I''d love to hear your news too.

All the best,
{my_first_name}';
