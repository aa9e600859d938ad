CREATE STREAM ty09_src (id INT, s STRUCT<a INT, b STRUCT<c STRING>>, arr ARRAY<STRUCT<p INT, q STRING>>,
                        m MAP<STRING, ARRAY<INT>>, e ARRAY<INT>)
  WITH (connector = 'file', path = 'ty09_src.jsonl', format = 'json');

CREATE STREAM ty09_access WITH (connector = 'file', path = 'out/ty09_access.jsonl', format = 'json') AS
  SELECT id, s.a AS sa, s.b.c AS sbc, arr[1].p AS p1, arr[2].q AS q2, arr[3] AS a3, m['k'] AS mk, m['k'][2] AS mk2,
         m['missing'] AS mm, e[1] AS e1, e[2] AS e2
  FROM ty09_src;

CREATE STREAM ty09_values WITH (connector = 'file', path = 'out/ty09_values.jsonl', format = 'json') AS
  SELECT id, s, arr, m, e FROM ty09_src;
