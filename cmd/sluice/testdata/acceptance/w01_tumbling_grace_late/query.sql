CREATE STREAM w01_events (
  site STRING,
  v    INT,
  ts   TIMESTAMP,
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH (connector = 'file', path = 'w01_events.jsonl', format = 'json',
        error_sink = 'file://errors/w01/');

CREATE TABLE w01_counts WITH (connector = 'file', path = 'out/w01_counts.jsonl', format = 'json') AS
  SELECT site, window_start, window_end, COUNT(*) AS n, SUM(v) AS total
  FROM w01_events
  WINDOW TUMBLING (SIZE 1 MINUTE, GRACE PERIOD 30 SECONDS)
  GROUP BY site
  EMIT FINAL;
