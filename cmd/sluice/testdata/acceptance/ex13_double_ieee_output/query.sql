CREATE STREAM ex13_src (id INT, x DOUBLE, y DOUBLE, z DOUBLE, n INT)
  WITH (connector = 'file', path = 'ex13_src.jsonl', format = 'json');

CREATE STREAM ex13_out WITH (connector = 'file', path = 'out/ex13_out.jsonl', format = 'json') AS
  SELECT id, x, y, x + y AS s, x + y = z AS s_eq_z, x * y AS p, n / z AS n_over_z, z / n AS z_over_n,
         x = -x AS self_neg_eq, n * 0.5 AS half_n
  FROM ex13_src;
