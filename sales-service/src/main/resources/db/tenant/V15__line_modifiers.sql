-- The options of modifier groups a line chose (issue 65 point 2), as catalog priced them when the line was taken: a
-- JSON array of {id, group, name, price}. The line's unit price already includes what they add; this is what the
-- receipt, the kitchen and the reports show of them. A line keeps its own copy: an option renamed or removed in catalog
-- changes nothing sold.
alter table sale_items add column modifiers jsonb not null default '[]';
alter table order_items add column modifiers jsonb not null default '[]';
