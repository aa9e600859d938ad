CREATE STREAM xch_src (id INT, name STRING, amount DOUBLE)
  WITH (connector = 'file', path = 'xch_src.csv', format = 'csv');

CREATE STREAM xch_out WITH (connector = 'file', path = 'out/xch_out.jsonl', format = 'json') AS SELECT id, name, amount FROM xch_src;
