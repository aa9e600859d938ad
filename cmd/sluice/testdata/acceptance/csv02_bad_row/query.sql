CREATE STREAM csv02_src (id INT, name STRING, amount DOUBLE)
  WITH (connector = 'file', path = 'csv02_src.csv', format = 'csv', error_sink = 'file://errors/csv02/');

CREATE STREAM csv02_out WITH (connector = 'file', path = 'out/csv02_out.jsonl', format = 'json') AS SELECT id, name, amount FROM csv02_src;
