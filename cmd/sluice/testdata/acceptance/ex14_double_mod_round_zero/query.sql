CREATE STREAM ex14_src (id INT, x DOUBLE, y DOUBLE)
  WITH (connector = 'file', path = 'ex14_src.jsonl', format = 'json');

CREATE STREAM ex14_out WITH (connector = 'file', path = 'out/ex14_out.jsonl', format = 'json') AS
  SELECT id, x % y AS rem, MOD(x, y) AS m, x / y AS quot, ROUND(x) AS r, FLOOR(x) AS f, CEIL(x) AS c,
         ROUND(-x) AS r_neg, (x / y) IS NULL AS quot_null
  FROM ex14_src;
