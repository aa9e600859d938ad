CREATE STREAM ty03_src (id INT, name STRING, x DOUBLE, ok BOOLEAN)
  WITH (connector = 'file', path = 'ty03_src.jsonl', format = 'json');

CREATE STREAM ty03_out WITH (connector = 'file', path = 'out/ty03_out.jsonl', format = 'json') AS SELECT id, name, x, x * 2 AS x2, ok FROM ty03_src;
