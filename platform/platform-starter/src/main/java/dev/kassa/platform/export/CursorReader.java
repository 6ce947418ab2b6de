package dev.kassa.platform.export;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a statement's rows from a server-side cursor, {@link #FETCH_SIZE} at a time, and hands each on as it arrives: how
 * an export of a long table (a year of sales, every stock movement) leaves without being held. It joins the caller's
 * transaction (PostgreSQL keeps a cursor open only inside one), on the same data source as {@code jdbc}.
 */
public final class CursorReader {

    public static final int FETCH_SIZE = 1000;

    private final NamedParameterJdbcTemplate cursor;

    public CursorReader(JdbcTemplate jdbc) {
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(FETCH_SIZE);
        this.cursor = new NamedParameterJdbcTemplate(streaming);
    }

    /** Each row of {@code sql} with its named {@code params}, mapped and handed to {@code row}. */
    public <T> void forEach(String sql, Map<String, ?> params, RowMapper<T> mapper, Consumer<? super T> row) {
        int[] index = {0};
        cursor.query(sql, params, rs -> {
            row.accept(mapper.mapRow(rs, index[0]++));
        });
    }
}
