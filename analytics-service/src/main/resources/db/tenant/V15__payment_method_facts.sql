-- What each sale and refund moved by each payment method (issue 65 point 7: analytics by method, the store's own methods
-- included): a refund's rows are negative, like its other facts. Facts recorded before knew only cash, card, credit and
-- the rest together: they keep those four.
create table sale_fact_payments (
    sale_id varchar(64)    not null references sale_facts (sale_id) on delete cascade,
    method  varchar(20)    not null,
    amount  numeric(14, 2) not null,
    primary key (sale_id, method)
);
insert into sale_fact_payments (sale_id, method, amount)
select sale_id, m.method, m.amount
  from sale_facts f
 cross join lateral (values ('cash', f.cash), ('card', f.card), ('credit', f.credit), ('other', f.other)) as m(method, amount)
 where m.amount <> 0;
