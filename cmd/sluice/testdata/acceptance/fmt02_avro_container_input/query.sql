CREATE STREAM fmt02_src (id BIGINT, n INT, name STRING, temp DOUBLE, ok BOOLEAN, ts TIMESTAMP, tags ARRAY<STRING>)
  WITH (connector = 'file', path = 'fmt02_input.avro', format = 'avro');

CREATE STREAM fmt02_out WITH (connector = 'file', path = 'out/fmt02_out.jsonl', format = 'json') AS
  SELECT id, CAST(id AS STRING) AS id_str, n, name, temp, ok, ts, tags, tags[1] AS first_tag FROM fmt02_src;
