-- When an introduction was recorded: set whenever contacts.referred_by is set or changed,
-- NULL when it is cleared. Until now introductions were dated by the contact row's
-- created_at, so marking an imported contact as introduced dated the introduction to the
-- import. Existing introductions keep that date (the best one there is); every write of
-- referred_by sets this column in the same statement. The view that reads it is made again
-- with the introduction dated by this column instead of created_at.

DROP VIEW contact_stages;

ALTER TABLE contacts ADD COLUMN referred_at TIMESTAMP;

UPDATE contacts SET referred_at = created_at WHERE referred_by IS NOT NULL;

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
    SELECT referred_by, 4, referred_at FROM contacts WHERE referred_by IS NOT NULL
)
SELECT c.id AS contact_id,
       coalesce(max(e.stage), 0) AS stage,
       coalesce(min(e.at) FILTER (WHERE e.stage = 1), min(e.at)) AS first_outreach_at
FROM contacts c
LEFT JOIN events e ON e.contact_id = c.id
GROUP BY c.id;
