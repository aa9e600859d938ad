CREATE STREAM ex15_src (id INT, a INT, b INT, p BOOLEAN, g STRING)
  WITH (connector = 'file', path = 'ex15_src.jsonl', format = 'json');

CREATE STREAM ex15_eq WITH (connector = 'file', path = 'out/ex15_eq.jsonl', format = 'json') AS SELECT id FROM ex15_src WHERE a = b;
CREATE STREAM ex15_not_eq WITH (connector = 'file', path = 'out/ex15_not_eq.jsonl', format = 'json') AS SELECT id FROM ex15_src WHERE NOT (a = b);
CREATE STREAM ex15_either WITH (connector = 'file', path = 'out/ex15_either.jsonl', format = 'json') AS SELECT id FROM ex15_src WHERE a = b OR p;
CREATE STREAM ex15_values WITH (connector = 'file', path = 'out/ex15_values.jsonl', format = 'json') AS
  SELECT id, (a = b) AND FALSE AS and_false, (a = b) OR TRUE AS or_true, NOT p AS not_p, a IN (1, NULL) AS in_null,
         NOT (a IN (1, 2)) AS not_in, a BETWEEN 1 AND b AS btw, CASE WHEN a = b THEN 'same' ELSE 'other' END AS cs,
         CASE WHEN p THEN 1 END AS no_else, COALESCE(a, b) AS co, NULLIF(a, b) AS nf
  FROM ex15_src;
CREATE TABLE ex15_having WITH (connector = 'file', path = 'out/ex15_having.jsonl', format = 'json') AS
  SELECT g, COUNT(*) AS n, SUM(a) AS sa
  FROM ex15_src
  GROUP BY g
  HAVING SUM(a) > 0 OR SUM(a) IS NULL
  EMIT FINAL;
