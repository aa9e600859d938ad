CREATE STREAM ex12_src (id INT, a INT, b INT, s STRING)
  WITH (connector = 'file', path = 'ex12_src.jsonl', format = 'json');

CREATE STREAM ex12_out WITH (connector = 'file', path = 'out/ex12_out.jsonl', format = 'json') AS
  SELECT id, a + 3000000000 AS big, -7 % 3 AS neg_mod, 2 - -3 AS minus_neg, -a * 2 AS neg_times,
         NOT a = b AS not_eq, a BETWEEN 1 AND 4 AND b > 2 AS btw_and, a + 1 IN (2, b, 10) AS in_exprs,
         COALESCE(a, 0.5) AS widened, NULL AS nothing, CAST(NULL AS INT) AS typed_null,
         UPPER(SUBSTRING(TRIM(s), 1, 3)) AS nested, LENGTH(TRIM(s)) AS trimmed_len
  FROM ex12_src;
