-- the W3C traceparent of the request that wrote the event: the relay sends it as a Kafka header, so the consumers'
-- spans (and their log lines) continue the trace of the change that caused them
alter table kassa_outbox add column trace_parent varchar(64);
