CREATE STREAM d01_events (event_id STRING, region STRING, payload STRING, n INT)
  WITH (connector = 'file', path = 'd01_events.jsonl', format = 'json');

CREATE STREAM d01_unique WITH (connector = 'file', path = 'out/d01_unique.jsonl', format = 'json') AS
  SELECT event_id, payload, n FROM d01_events DEDUPLICATE BY event_id;

CREATE STREAM d01_unique_pair WITH (connector = 'file', path = 'out/d01_unique_pair.jsonl', format = 'json') AS
  SELECT event_id, region, n FROM d01_events DEDUPLICATE BY event_id, region;
