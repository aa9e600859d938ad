CREATE STREAM ty01_src (id INT, ts TIMESTAMP)
  WITH (connector = 'file', path = 'ty01_src.jsonl', format = 'json');

CREATE STREAM ty01_out WITH (connector = 'file', path = 'out/ty01_out.jsonl', format = 'json') AS SELECT id, ts FROM ty01_src;
