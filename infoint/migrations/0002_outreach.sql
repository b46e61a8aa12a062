-- Outreach: the built-in email templates, in our own words, and what the user did with
-- "due now" items. Built-in templates stay editable; the user archives what they don't want.
-- Words in braces are placeholders: infoint.outreach fills those it knows from the contact,
-- their company, the mutual contact and the user's profile; the others ({shared_group},
-- {their_work}, {what_struck_you}) are blanks the user fills in before sending.
INSERT INTO templates (name, subject, body, builtin) VALUES
    ('Through a mutual connection',
     '{mutual_first_name} suggested I write to you',
     'Hi {first_name},

{mutual_first_name} suggested I get in touch with you. I''m {my_name}, {my_role}, and I''m learning about {my_focus}.

{mutual_first_name} spoke highly of your work at {company}, and your view would help me a great deal.

Would you be open to a 20-minute call or a coffee (my treat) in the next couple of weeks? I''d like to hear how you see the field; this is not a job request.

Thank you,
{my_name}',
     true),
    ('Shared school or group',
     'A fellow member of {shared_group}',
     'Hi {first_name},

I found you through {shared_group}, which we both belong to. I''m {my_name}, {my_role}, and I''m exploring {my_focus}.

Your work as {position} at {company} is the kind of path I''m trying to understand.

Would you have 20 minutes for a call or a coffee in the coming weeks? I''d be grateful for your perspective, and happy to share what I''ve learned so far in return.

Best wishes,
{my_name}',
     true),
    ('Cold, after reading their profile or work',
     'Your {their_work}, and a question',
     'Hi {first_name},

I read your {their_work} and it stayed with me, especially {what_struck_you}.

I''m {my_name}, {my_role}, and I''m learning about {my_focus}. I''d value hearing how you see it from {company}.

Would you be open to a 15-minute call sometime in the next two weeks? I''ll keep it brief and come with specific questions.

Thank you for considering it,
{my_name}',
     true),
    ('One polite follow-up',
     'Following up: 15 minutes about {my_focus}',
     'Hi {first_name},

I wrote to you last week about {my_focus}. Inboxes get full, so here is one gentle reminder.

I''m {my_name}, {my_role}, and your work at {company} is close to what I hope to understand.

Would you have 15 minutes for a call in the next few weeks? If now is not a good time, no problem at all, and thank you either way.

Best,
{my_name}',
     true);

-- A "due now" item the user snoozed (until a date) or dismissed, by the item's stable key
-- (e.g. 'follow_up:42' for interaction 42). Items are derived, never stored; only this
-- choice is.
CREATE TABLE due_item_states (
    item_key VARCHAR PRIMARY KEY,
    snoozed_until DATE,
    dismissed BOOLEAN NOT NULL DEFAULT false,
    updated_at TIMESTAMP NOT NULL DEFAULT current_localtimestamp()
);
