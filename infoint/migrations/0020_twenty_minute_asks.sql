-- Our cold first message and our follow-up (0002) asked for 15 minutes, while everything
-- else in the app promises 20: the other built-in messages, a meeting's default length, and
-- Meetings' "Pick four or five: 20 minutes go quickly". They now ask for 20 minutes too. A
-- copy the user edited (its subject or its body), or one of their own, keeps their words.
UPDATE templates
SET body = replace(body, 'open to a 15-minute call', 'open to a 20-minute call')
WHERE builtin
  AND subject = 'Your {their_work}, and a question'
  AND body = 'Hi {first_name},

I read your {their_work} and it stayed with me, especially {what_struck_you}.

I''m {my_name}, {my_role}, and I''m learning about {my_focus}. I''d value hearing how you see it from {company}.

Would you be open to a 15-minute call sometime in the next two weeks? I''ll keep it brief and come with specific questions.

Thank you for considering it,
{my_name}';

-- The follow-up as 0007 left it ({last_written} for "last week").
UPDATE templates
SET subject = 'Following up: 20 minutes about {my_focus}',
    body = replace(body, 'Would you have 15 minutes for a call', 'Would you have 20 minutes for a call')
WHERE builtin
  AND subject = 'Following up: 15 minutes about {my_focus}'
  AND body = 'Hi {first_name},

I wrote to you on {last_written} about {my_focus}. Inboxes get full, so here is one gentle reminder.

I''m {my_name}, {my_role}, and your work at {company} is close to what I hope to understand.

Would you have 15 minutes for a call in the next few weeks? If now is not a good time, no problem at all, and thank you either way.

Best,
{my_name}';
