CREATE STREAM w08_trips (route STRING, km DOUBLE, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '30' SECOND)
  WITH (connector = 'file', path = 'w08_trips.jsonl', format = 'json');

CREATE TABLE w08_hourly WITH (connector = 'file', path = 'out/w08_hourly.jsonl', format = 'json') AS
  SELECT route, window_start, window_end, COUNT(*) AS trips, SUM(km) AS total_km, AVG(km) AS avg_km
  FROM w08_trips
  WINDOW TUMBLING (SIZE INTERVAL '1' HOUR)
  GROUP BY route
  EMIT FINAL;
