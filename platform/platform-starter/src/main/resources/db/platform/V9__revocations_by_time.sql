-- The revocations of the last minutes, which the gateways read from auth every few seconds (issue 60, point 10).
create index kassa_revocation_recent on kassa_revocation (not_before);
