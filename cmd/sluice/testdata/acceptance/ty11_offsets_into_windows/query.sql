CREATE STREAM ty11_src (id INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' DAY)
  WITH (connector = 'file', path = 'ty11_src.jsonl', format = 'json');

CREATE STREAM ty11_rows WITH (connector = 'file', path = 'out/ty11_rows.jsonl', format = 'json') AS
  SELECT id, ts, EXTRACT(HOUR FROM ts) AS h, EXTRACT(DAY FROM ts) AS d, CAST(ts AS DATE) AS day
  FROM ty11_src;

CREATE TABLE ty11_hours WITH (connector = 'file', path = 'out/ty11_hours.jsonl', format = 'json') AS
  SELECT window_start, window_end, COUNT(*) AS n, MIN(id) AS first_id
  FROM ty11_src
  WINDOW TUMBLING (SIZE 1 HOUR)
  EMIT FINAL;
