CREATE STREAM s06_src (id INT, v INT)
  WITH (connector = 'file', path = 's06_src.jsonl', format = 'json');

SELECT id, v FROM s06_src LIMIT 2;

CREATE STREAM s06_out WITH (connector = 'file', path = 'out/s06_out.jsonl', format = 'json') AS SELECT id, v * 3 AS v3 FROM s06_src WHERE v > 4;

SELECT id FROM s06_src WHERE v = 0;

CREATE TABLE s06_counts WITH (connector = 'file', path = 'out/s06_counts.jsonl', format = 'json') AS SELECT v, COUNT(*) AS n FROM s06_src GROUP BY v EMIT FINAL;
