CREATE STREAM instants (id INT, ts TIMESTAMP)
  WITH (connector = 'file', path = 'fn_instants.jsonl', format = 'json');

CREATE STREAM extract_out WITH (connector = 'file', path = 'out/extract_out.jsonl', format = 'json') AS
  SELECT id, EXTRACT(YEAR FROM ts) AS y, EXTRACT(MONTH FROM ts) AS mo, EXTRACT(DAY FROM ts) AS d,
         EXTRACT(HOUR FROM ts) AS h, EXTRACT(MINUTE FROM ts) AS mi, EXTRACT(SECOND FROM ts) AS s,
         EXTRACT(DOW FROM ts) AS dow
  FROM instants;
