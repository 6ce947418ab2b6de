package dev.kassa.platform.web;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.List;

/** One page of a filtered SQL list and its total, for the {@code {count,next,previous,results}} answers. */
public final class JdbcPages {

    private JdbcPages() {
    }

    /** One page's rows, read with the page's limit and offset. */
    @FunctionalInterface
    public interface Rows<T> {
        List<T> read(int limit, long offset);
    }

    /** A page of a repository's rows and the count of all of them: {@code page(pageable, repo::page, () -> repo.count(filter))}. */
    public static <T> Page<T> page(Pageable page, Rows<T> rows, java.util.function.LongSupplier count) {
        return new PageImpl<>(rows.read(page.getPageSize(), page.getOffset()), page, count.getAsLong());
    }

    /**
     * @param select  {@code select … from … [joins]} of the rows
     * @param from    {@code from …} of the count (the table and the joins the filter needs)
     * @param where   the filter, starting with {@code where} (or empty)
     * @param orderBy columns to sort by, from a whitelist (never user text)
     */
    public static <T> Page<T> page(JdbcTemplate jdbc, String select, String from, String where, String orderBy, Object[] args,
                                   RowMapper<T> rows, Pageable page) {
        Object[] paged = java.util.Arrays.copyOf(args, args.length + 2);
        paged[args.length] = page.getPageSize();
        paged[args.length + 1] = page.getOffset();
        List<T> found = jdbc.query(select + " " + where + " order by " + orderBy + " limit ? offset ?", rows, paged);
        Long total = jdbc.queryForObject("select count(*) " + from + " " + where, Long.class, args);
        return new PageImpl<>(found, page, total == null ? 0 : total);
    }
}
