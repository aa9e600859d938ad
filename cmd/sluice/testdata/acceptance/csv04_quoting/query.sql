CREATE STREAM csv04_src (id INT, name STRING, ok BOOLEAN, x DOUBLE, ts TIMESTAMP)
  WITH (connector = 'file', path = 'csv04_src.csv', format = 'csv');

CREATE STREAM csv04_out WITH (connector = 'file', path = 'out/csv04_out.jsonl', format = 'json') AS SELECT id, name, LENGTH(name) AS len, NOT ok AS not_ok, x * 2 AS x2, ts FROM csv04_src WHERE id <> 5;
