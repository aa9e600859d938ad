CREATE STREAM cn (id INT, a INT, b INT, c INT, s STRING)
  WITH (connector = 'file', path = 'ex09_cn.jsonl', format = 'json');

CREATE STREAM coalesce_nullif WITH (connector = 'file', path = 'out/coalesce_nullif.jsonl', format = 'json') AS
  SELECT id, COALESCE(a, b, c) AS first_abc, COALESCE(a, b) AS first_ab, COALESCE(s, 'none') AS s_or,
         COALESCE(a, 0) + COALESCE(b, 0) AS total, NULLIF(a, b) AS a_unless_b, NULLIF(s, '') AS s_blank_null,
         NULLIF(c, 0) AS c_nonzero, COALESCE(NULLIF(s, ''), 'blank') AS s_label
  FROM cn;
