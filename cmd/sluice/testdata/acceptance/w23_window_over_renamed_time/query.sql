CREATE STREAM w23_src (k STRING, v INT, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)
  WITH (connector = 'file', path = 'w23_src.jsonl', format = 'json', error_sink = 'file://errors/w23/');

CREATE STREAM w23_mid AS SELECT UPPER(k) AS kk, v, ts AS event_time FROM w23_src WHERE v > 0;

CREATE TABLE w23_out WITH (connector = 'file', path = 'out/w23_out.jsonl', format = 'json') AS
  SELECT kk, window_start, window_end, COUNT(*) AS n, SUM(v) AS total, MAX(event_time) AS last_time
  FROM w23_mid
  WINDOW TUMBLING (SIZE 20 SECONDS)
  GROUP BY kk
  EMIT FINAL;
