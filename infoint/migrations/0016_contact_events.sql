-- The events that move a contact along the funnel, with the stage each one reaches and when,
-- as a view of their own: the stages (`contact_stages`), the picker's "met 28 Aug" labels
-- (infoint.outreach) and Insights' replies (infoint.insights) read these one rules, where each
-- wrote them out. A held meeting counts at its start on the user's clock (DuckDB's TimeZone
-- is the profile's); an introduction at its `referred_at` (0015: when it was recorded, or the
-- start of the meeting whose debrief named it).

DROP VIEW contact_stages;

CREATE VIEW contact_events AS
SELECT contact_id,
       CASE kind
           WHEN 'outreach' THEN 1 WHEN 'follow_up' THEN 1 WHEN 'reply' THEN 2
           WHEN 'referral' THEN 4 WHEN 'opportunity' THEN 5
       END AS stage,
       occurred_at
FROM interactions
WHERE kind IN ('outreach', 'follow_up', 'reply', 'referral', 'opportunity')
UNION ALL
SELECT contact_id, 3, CAST(starts_at AS TIMESTAMP) FROM meetings WHERE status = 'held'
UNION ALL
SELECT referred_by, 4, referred_at FROM contacts WHERE referred_by IS NOT NULL;

CREATE VIEW contact_stages AS
SELECT c.id AS contact_id,
       coalesce(max(e.stage), 0) AS stage,
       coalesce(min(e.occurred_at) FILTER (WHERE e.stage = 1), min(e.occurred_at))
           AS first_outreach_at
FROM contacts c
LEFT JOIN contact_events e ON e.contact_id = c.id
GROUP BY c.id;
