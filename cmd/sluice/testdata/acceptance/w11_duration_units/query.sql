CREATE STREAM w11_fast (v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '100' MILLISECOND)
  WITH (connector = 'file', path = 'w11_fast.jsonl', format = 'json');
CREATE STREAM w11_days (k STRING, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' MINUTE)
  WITH (connector = 'file', path = 'w11_days.jsonl', format = 'json');

CREATE TABLE w11_half_seconds WITH (connector = 'file', path = 'out/w11_half_seconds.jsonl', format = 'json') AS
  SELECT window_start, TO_UNIXTIME(window_end) - TO_UNIXTIME(window_start) AS len_ms, COUNT(*) AS n, SUM(v) AS total
  FROM w11_fast
  WINDOW TUMBLING (SIZE 500 MILLISECONDS)
  EMIT FINAL;

CREATE TABLE w11_daily WITH (connector = 'file', path = 'out/w11_daily.jsonl', format = 'json') AS
  SELECT k, window_start, EXTRACT(DOW FROM window_start) AS dow, EXTRACT(DAY FROM window_end) AS end_day, COUNT(*) AS n
  FROM w11_days
  WINDOW TUMBLING (SIZE 1 DAY)
  GROUP BY k
  EMIT FINAL;
