CREATE STREAM lx03_src (id INT, "select" STRING, `from` INT)
  WITH (connector = 'file', path = 'lx03_src.jsonl', format = 'json');

CREATE STREAM lx03_out WITH (connector = 'file', path = 'out/lx03_out.jsonl', format = 'json') AS
  SELECT id, "select" AS sel, '-- not a comment' AS dashes, '/* nor this */' AS stars,
         upper("select") AS sel_up, Coalesce(`from`, 0) AS frm, abs(`from`) AS frm_abs
  FROM lx03_src -- a real comment
  WHERE "select" <> 'x -- y' /* a real block comment */ AND id > 0;
