CREATE STREAM ex11_src (id INT, i INT, b BIGINT, x DOUBLE)
  WITH (connector = 'file', path = 'ex11_src.jsonl', format = 'json');

CREATE STREAM ex11_out WITH (connector = 'file', path = 'out/ex11_out.jsonl', format = 'json') AS
  SELECT id, i = b AS i_eq_b, i < b AS i_lt_b, i = x AS i_eq_x, i > x AS i_gt_x, i > 2.5 AS i_gt_lit,
         b + x AS b_plus_x, i + b AS i_plus_b, b / i AS b_div_i
  FROM ex11_src;
