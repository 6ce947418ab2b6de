-- The daily report's shift and customer figures (spec §8.1 sessions_opened, sessions_closed, new_customers) are read
-- from the shifts and the facts when the report is read, so a shift event needs no recompute of the day's sales.
create index shifts_business_date on shifts (business_date);
