-- The audit chain moves to a tracking processor of its own ("audit"). Until now it was
-- written by the "read-model" processor, in the same transactions as that processor's
-- token: the chain stands exactly where that token does, so the new processor starts there.
INSERT INTO token_entry (processor_name, segment, token, token_type, time_stamp, owner)
SELECT 'audit', segment, token, token_type, time_stamp, NULL
FROM token_entry
WHERE processor_name = 'read-model'
  AND NOT EXISTS (SELECT 1 FROM token_entry WHERE processor_name = 'audit');
