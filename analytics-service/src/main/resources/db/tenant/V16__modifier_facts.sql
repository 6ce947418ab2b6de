-- What the options of modifier groups added to each sale (issue 65 point 2: sales by modifier): per line and option, the
-- units sold with it and what it added to them (its price × the line's quantity). Sales recorded before had none.
create table sale_fact_modifiers (
    sale_id    varchar(64)    not null references sale_facts (sale_id) on delete cascade,
    line_no    integer        not null,
    option_id  bigint         not null,
    group_name varchar(100)   not null,
    name       varchar(100)   not null,
    quantity   numeric(14, 3) not null,
    amount     numeric(14, 2) not null,
    primary key (sale_id, line_no, option_id)
);
