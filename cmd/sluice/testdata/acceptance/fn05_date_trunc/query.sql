CREATE STREAM instants (id INT, ts TIMESTAMP)
  WITH (connector = 'file', path = 'fn_instants.jsonl', format = 'json');

CREATE STREAM trunc_out WITH (connector = 'file', path = 'out/trunc_out.jsonl', format = 'json') AS
  SELECT id, ts, DATE_TRUNC('second', ts) AS to_second, DATE_TRUNC('minute', ts) AS to_minute, DATE_TRUNC('hour', ts) AS to_hour, DATE_TRUNC('day', ts) AS to_day, DATE_TRUNC('month', ts) AS to_month, DATE_TRUNC('year', ts) AS to_year
  FROM instants;
