-- The profile's time zone: '' means "this machine's zone" (infoint.clock resolves it each time
-- the database is opened), so a time typed as 10:00 is 10:00 where the user is. 0001 stored
-- 'UTC' for everyone without asking; such a profile had chosen nothing, and what it held
-- was mostly written on the machine's clock (times logged by hand, created_at), so it now
-- follows the machine too. A zone chosen on the Meetings page is kept.
ALTER TABLE profile ALTER COLUMN time_zone SET DEFAULT '';
UPDATE profile SET time_zone = '' WHERE time_zone = 'UTC';
