package dev.kassa.platform.web;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.function.UnaryOperator;

/** One page of a filtered SQL list and its total, for the {@code {count,next,previous,results}} answers. */
public final class JdbcPages {

    private JdbcPages() {}

    /**
     * A page of a filtered list and its total, with named parameters bound once for both statements:
     * {@code page(jdbc, SELECT, "from t", "where (cast(:kind as text) is null or t.kind = :kind)", orderBy, q -> q.param("kind", kind), ROW, page)}.
     *
     * @param select  {@code select … from … [joins]} of the rows
     * @param from    {@code from …} of the count (the table and the joins the filter needs)
     * @param where   the filter with named parameters, starting with {@code where} (or empty)
     * @param orderBy columns to sort by, from a whitelist (never user text)
     * @param params  binds the filter's parameters (a missing filter is bound as null)
     */
    public static <T> Page<T> page(
            JdbcClient jdbc,
            String select,
            String from,
            String where,
            String orderBy,
            UnaryOperator<JdbcClient.StatementSpec> params,
            RowMapper<T> rows,
            Pageable page) {
        List<T> found = params.apply(jdbc.sql(
                        select + " " + where + " order by " + orderBy + " limit :pageLimit offset :pageOffset"))
                .param("pageLimit", page.getPageSize())
                .param("pageOffset", page.getOffset())
                .query(rows)
                .list();
        long total = params.apply(jdbc.sql("select count(*) " + from + " " + where))
                .query(Long.class)
                .single();
        return new PageImpl<>(found, page, total);
    }
}
