CREATE STREAM j07_clicks (seq INT, user_id STRING, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)
  WITH (connector = 'file', path = 'j07_clicks.jsonl', format = 'json');

CREATE STREAM j07_pairs WITH (connector = 'file', path = 'out/j07_pairs.jsonl', format = 'json') AS
  SELECT a.user_id, a.seq AS first_seq, b.seq AS next_seq
  FROM j07_clicks a JOIN j07_clicks b WITHIN 1 MINUTE ON a.user_id = b.user_id
  WHERE a.seq < b.seq;
