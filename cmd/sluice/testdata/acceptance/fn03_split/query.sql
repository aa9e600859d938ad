CREATE STREAM parts (id INT, s STRING, t STRING)
  WITH (connector = 'file', path = 'fn03_parts.jsonl', format = 'json');

CREATE STREAM split_out WITH (connector = 'file', path = 'out/split_out.jsonl', format = 'json') AS
  SELECT id, SPLIT(s, ',')[1] AS s1, SPLIT(s, ',')[2] AS s2, SPLIT(s, ',')[3] AS s3,
         SPLIT(s, ',')[4] AS s4, SPLIT(t, '::')[1] AS t1, SPLIT(t, '::')[3] AS t3
  FROM parts;
