CREATE STREAM d05_src (user_id STRING, action STRING, seq INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'd05_src.jsonl', format = 'json');

CREATE STREAM d05_out WITH (connector = 'file', path = 'out/d05_out.jsonl', format = 'json') AS
  SELECT user_id, action, seq FROM d05_src DEDUPLICATE BY user_id, action WITHIN 1 MINUTE;
