-- a leading comment
/* a block comment
   over lines */ CREATE STREAM lx04_src ( -- the columns
  id INT, /* inline */ name STRING, -- trailing
  v /* between a name and its type */ DOUBLE
) WITH ( /* options */ connector = 'file', -- c
  path = 'lx04_src.jsonl' /* c */, format /**/ = 'json' -- last option
);CREATE STREAM lx04_mid AS SELECT id, v FROM lx04_src WHERE v > 0; CREATE STREAM lx04_out WITH (connector = 'file', path = 'out/lx04_out.jsonl', format = 'json') AS
WITH /* a CTE */ a AS (SELECT id, v * 2 AS w FROM lx04_mid -- inside the CTE
), -- between CTEs
b AS (SELECT id, w + 1 AS w1 FROM a /* x */)
SELECT /* columns */ id, -- c
  w1 /* before the alias */ AS "w plus one" FROM b -- between clauses
/* block between clauses */ WHERE w1 > 3 --- three dashes
; -- after the semicolon
CREATE STREAM lx04_second WITH (connector='file',path='out/lx04_second.jsonl',format='json') AS SELECT name,id-1 AS prev,'--' AS dd,'/*' AS bs FROM lx04_src WHERE name<>'--'/*x*/;-- the end, no newline