-- The read models are kept by two threads, each with a segment of the events (split by
-- aggregate: every event of one proposal, meeting or group goes to the same segment), since
-- docs/adr/0021. A store kept until now by one segment stands at one position: both segments
-- start there, each applying only its own events after it. Axon would not split it by itself
-- (it applies its initial segment count to an empty token table only), and one thread would
-- then claim the single segment and keep everything on one thread. Run with every query-side
-- node stopped: a node still running the single segment would apply the second one's events too.
INSERT INTO token_entry (processor_name, segment, token, token_type, time_stamp, owner)
SELECT processor_name, 1, token, token_type, time_stamp, NULL
FROM token_entry
WHERE processor_name = 'read-model'
  AND segment = 0
  AND NOT EXISTS (SELECT 1 FROM token_entry WHERE processor_name = 'read-model' AND segment <> 0);
