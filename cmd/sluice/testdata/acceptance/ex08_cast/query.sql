CREATE STREAM casts (id INT, i INT, d DOUBLE, s_int STRING, s_dbl STRING, s_bool STRING,
                     big BIGINT, frac DOUBLE)
  WITH (connector = 'file', path = 'ex08_casts.jsonl', format = 'json');

CREATE STREAM cast_out WITH (connector = 'file', path = 'out/cast_out.jsonl', format = 'json') AS
  SELECT id, CAST(i AS STRING) AS i_str, CAST(i AS DOUBLE) / 2 AS i_dbl_half,
         CAST(i AS BIGINT) * 1000000000 AS i_big, CAST(d AS BIGINT) AS d_big,
         CAST(s_int AS INT) + 1 AS s_int_plus, CAST(s_int AS BIGINT) AS s_big,
         CAST(s_dbl AS DOUBLE) * 2 AS s_dbl_twice, CAST(s_bool AS BOOLEAN) AS s_bool_val,
         CAST(big AS STRING) AS big_str, CAST(frac AS STRING) AS frac_str,
         CONCAT(CAST(i AS VARCHAR), '!') AS i_varchar
  FROM casts
  WHERE id < 4;

CREATE STREAM cast_nulls WITH (connector = 'file', path = 'out/cast_nulls.jsonl', format = 'json') AS
  SELECT id, CAST(i AS STRING) AS i_str, CAST(d AS BIGINT) AS d_big, CAST(s_int AS INT) AS s_int,
         CAST(s_bool AS BOOLEAN) AS s_bool_val
  FROM casts
  WHERE id = 4;
