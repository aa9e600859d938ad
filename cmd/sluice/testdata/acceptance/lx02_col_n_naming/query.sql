CREATE STREAM q_src (id INT, name STRING, v INT)
  WITH (connector = 'file', path = 'q_src.jsonl', format = 'json');

CREATE STREAM lx02_out WITH (connector = 'file', path = 'out/lx02_out.jsonl', format = 'json') AS
  SELECT id, v * 2, UPPER(name), v AS v_copy, ABS(v), q_src.name, CAST(id AS STRING)
  FROM q_src
  WHERE v IS NOT NULL;
