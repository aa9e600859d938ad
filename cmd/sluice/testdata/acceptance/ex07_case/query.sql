CREATE STREAM cs (id INT, a INT, s STRING)
  WITH (connector = 'file', path = 'ex07_cs.jsonl', format = 'json');

CREATE STREAM cases WITH (connector = 'file', path = 'out/cases.jsonl', format = 'json') AS
  SELECT id,
         CASE WHEN a > 10 THEN 'big' WHEN a > 5 THEN 'mid' ELSE 'small' END AS bucket,
         CASE WHEN a > 10 THEN 'big' END AS only_big,
         CASE s WHEN 'x' THEN 1 WHEN 'y' THEN 2 ELSE 0 END AS code,
         CASE s WHEN 'x' THEN 'ex' WHEN NULL THEN 'was null' END AS simple_no_else,
         CASE WHEN a IS NULL THEN -1 ELSE a * 2 END AS doubled,
         CASE WHEN a > 0 AND s = 'x' THEN 'pos x' WHEN a > 0 OR s = 'x' THEN 'pos or x' ELSE 'other' END AS combo
  FROM cs;
