CREATE STREAM src01_all (id STRING, n INT)
  WITH (connector = 'file', path = 'src01_part_*.jsonl', format = 'json');

CREATE STREAM src01_out WITH (connector = 'file', path = 'out/src01_out.jsonl', format = 'json') AS SELECT id, n * 10 AS n10 FROM src01_all;
