CREATE STREAM d02_events (k STRING, seq INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'd02_events.jsonl', format = 'json');

CREATE STREAM d02_unique WITH (connector = 'file', path = 'out/d02_unique.jsonl', format = 'json') AS
  SELECT k, seq, ts FROM d02_events DEDUPLICATE BY k WITHIN INTERVAL '1' MINUTE;
