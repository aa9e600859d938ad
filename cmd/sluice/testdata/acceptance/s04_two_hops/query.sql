CREATE STREAM s04_src (id STRING, v INT)
  WITH (connector = 'file', path = 's04_src.jsonl', format = 'json');

CREATE STREAM s04_hop1 AS SELECT id, v FROM s04_src WHERE v <> 1;
CREATE STREAM s04_hop2 AS SELECT id, v * 10 AS v10 FROM s04_hop1 DEDUPLICATE BY id;
CREATE STREAM s04_out WITH (connector = 'file', path = 'out/s04_out.jsonl', format = 'json') AS SELECT CONCAT(id, '!') AS tag, v10 FROM s04_hop2;
