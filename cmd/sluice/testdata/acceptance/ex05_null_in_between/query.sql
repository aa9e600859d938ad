CREATE STREAM np (id INT, a INT, lo INT, hi INT, s STRING)
  WITH (connector = 'file', path = 'ex05_np.jsonl', format = 'json');

CREATE STREAM null_in_between WITH (connector = 'file', path = 'out/null_in_between.jsonl', format = 'json') AS
  SELECT id, a IS NULL AS a_null, s IS NOT NULL AS s_not_null,
         a IN (1, 2, 3) AS in_list, a IN (1, NULL) AS in_with_null, a NOT IN (1, 2) AS not_in,
         a NOT IN (1, NULL) AS not_in_null, s IN ('x', 'y') AS s_in,
         a BETWEEN 2 AND 5 AS btw, a NOT BETWEEN 2 AND 5 AS not_btw, a BETWEEN 5 AND 2 AS btw_rev,
         a BETWEEN lo AND hi AS btw_cols
  FROM np;

CREATE STREAM where_in WITH (connector = 'file', path = 'out/where_in.jsonl', format = 'json') AS
  SELECT id FROM np WHERE a IN (1, 2, 5, NULL) OR s IS NULL;
