CREATE STREAM fn09_src (id INT, s STRING, dots STRING, pipes STRING, prefix STRING)
  WITH (connector = 'file', path = 'fn09_src.jsonl', format = 'json');

CREATE STREAM fn09_out WITH (connector = 'file', path = 'out/fn09_out.jsonl', format = 'json') AS
  SELECT id, REPLACE(dots, '.', '-') AS dashed, SPLIT(dots, '.')[2] AS dot2, SPLIT(pipes, '|')[2] AS pipe2,
         REGEXP_EXTRACT(s, '(\d+)\.(\d+)', 2) AS decimals, REGEXP_EXTRACT(s, '\d+') AS first_int,
         s LIKE CONCAT(prefix, '%') AS has_prefix, 'back\slash' AS literal
  FROM fn09_src;
