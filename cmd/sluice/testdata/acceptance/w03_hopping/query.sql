CREATE STREAM w03_meter (dev STRING, v BIGINT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)
  WITH (connector = 'file', path = 'w03_meter.jsonl', format = 'json');

CREATE TABLE w03_hops WITH (connector = 'file', path = 'out/w03_hops.jsonl', format = 'json') AS
  SELECT dev, window_start, window_end, COUNT(*) AS n, SUM(v) AS total, MAX(v) AS peak
  FROM w03_meter
  WINDOW HOPPING (SIZE INTERVAL '1' MINUTE, ADVANCE BY INTERVAL '20' SECOND)
  GROUP BY dev
  EMIT FINAL;
