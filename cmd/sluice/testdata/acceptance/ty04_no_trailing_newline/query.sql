CREATE STREAM ty04_src (id INT, s STRING)
  WITH (connector = 'file', path = 'ty04_src.jsonl', format = 'json');

CREATE STREAM ty04_out WITH (connector = 'file', path = 'out/ty04_out.jsonl', format = 'json') AS SELECT id, s FROM ty04_src;
