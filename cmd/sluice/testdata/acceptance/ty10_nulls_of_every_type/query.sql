CREATE STREAM ty10_src (id INT, b BOOLEAN, i INT, bi BIGINT, d DOUBLE, dc DECIMAL(8, 3), s STRING, byt BYTES,
                        ts TIMESTAMP, dt DATE, arr ARRAY<INT>, m MAP<STRING, STRING>, st STRUCT<x INT>)
  WITH (connector = 'file', path = 'ty10_src.jsonl', format = 'json');

CREATE STREAM ty10_out WITH (connector = 'file', path = 'out/ty10_out.jsonl', format = 'json') AS
  SELECT id, b, i, bi, d, dc, s, byt, ts, dt, arr, m, st,
         CAST(NULL AS BOOLEAN) AS nb, CAST(NULL AS DECIMAL(5, 1)) AS ndec, CAST(NULL AS TIMESTAMP) AS nts,
         CAST(NULL AS DATE) AS ndt, CAST(NULL AS DOUBLE) AS nd,
         b IS NULL AND i IS NULL AND bi IS NULL AND d IS NULL AND dc IS NULL AND s IS NULL AND byt IS NULL
           AND ts IS NULL AND dt IS NULL AND arr IS NULL AND m IS NULL AND st IS NULL AS all_null,
         st.x AS stx, arr[1] AS arr1, m['k'] AS mk, i + 1 AS i1, d * 2 AS d2, dc + 1 AS dec1
  FROM ty10_src;
