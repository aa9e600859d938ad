CREATE STREAM csv03_rain (station STRING, mm DOUBLE, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
  WITH (connector = 'file', path = 'csv03_rain.csv', format = 'csv');

CREATE TABLE csv03_out WITH (connector = 'file', path = 'out/csv03_out.jsonl', format = 'json') AS
  SELECT station, window_start, window_end, COUNT(*) AS n, SUM(mm) AS total_mm, MAX(mm) AS max_mm
  FROM csv03_rain
  WINDOW TUMBLING (SIZE 2 MINUTES)
  GROUP BY station
  EMIT FINAL;
