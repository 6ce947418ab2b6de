-- What Kassa had to decide to record a sale that an offline till uploaded (issue 38): a changed price, stock that was
-- short, credit over the limit. A repeated upload answers them again.
alter table sales add column upload_decisions jsonb;
