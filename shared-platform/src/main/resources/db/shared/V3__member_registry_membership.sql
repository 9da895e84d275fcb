-- When a member joined and left, so that a meeting can only name as present someone who
-- belonged to the group that day. Dates, not personal data.
ALTER TABLE member_registry ADD COLUMN joined_on DATE;
ALTER TABLE member_registry ADD COLUMN left_on DATE;
