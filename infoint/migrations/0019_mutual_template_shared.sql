-- Our first message through a mutual contact (0002) said "{mutual_first_name} suggested I
-- write to you" and "{mutual_first_name} spoke highly of your work", untrue when the mutual
-- contact is only someone you both know, as most are (a LinkedIn 2nd-degree connection).
-- Reworded to say only what is true of anyone you both know. A copy the user edited (its
-- subject or its body), or one of their own, keeps their words.
UPDATE templates
SET subject = 'We both know {mutual_first_name}',
    body = 'Hi {first_name},

I saw that we both know {mutual_first_name}, so I hope you don''t mind a note from me. I''m {my_name}, {my_role}, and I''m learning about {my_focus}.

Your work at {company} is close to what I want to understand, and your view would help me a great deal.

Would you be open to a 20-minute call or a coffee (my treat) in the next couple of weeks? I''d like to hear how you see the field; this is not a job request.

Thank you,
{my_name}'
WHERE builtin
  AND subject = '{mutual_first_name} suggested I write to you'
  AND body = 'Hi {first_name},

{mutual_first_name} suggested I get in touch with you. I''m {my_name}, {my_role}, and I''m learning about {my_focus}.

{mutual_first_name} spoke highly of your work at {company}, and your view would help me a great deal.

Would you be open to a 20-minute call or a coffee (my treat) in the next couple of weeks? I''d like to hear how you see the field; this is not a job request.

Thank you,
{my_name}';
