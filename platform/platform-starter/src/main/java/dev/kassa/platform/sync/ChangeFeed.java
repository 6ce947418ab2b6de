package dev.kassa.platform.sync;

import dev.kassa.platform.error.FieldErrors;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A store's change feed for offline tills' delta sync: a table that a trigger keeps with each row's last change (its id,
 * the writing transaction {@code xid}, a sequence number {@code seq}, {@code deleted}), read after a cursor in the order
 * changes become visible. Only changes of transactions older than every transaction still running are read
 * ({@code pg_snapshot_xmin}), so a change that commits late never falls behind a cursor already handed out: it shows on a
 * later read instead. Every instance reads the same table; nothing is kept in a process.
 */
public final class ChangeFeed {
    private ChangeFeed() {}

    /** Changes a page holds when the till names no limit, and at most. */
    public static final int DEFAULT_LIMIT = 100;

    public static final int MAX_LIMIT = 500;

    /** A till's poll: the cursor it was given (none: from the start), a page's size, its {@code If-None-Match}. */
    public record Poll(String cursor, int limit, String ifNoneMatch) {}

    /** Where a reader is: after the change of transaction {@code xid} (unsigned 64 bits), number {@code seq}. */
    public record Cursor(String xid, long seq) {
        public static final Cursor START = new Cursor("0", 0);

        private static final Pattern TEXT = Pattern.compile("(\\d{1,20})-(\\d{1,19})");

        /** {@code <transaction>-<number>}, as {@link #text()} writes it; none is the start; anything else a 400 on {@code cursor}. */
        public static Cursor parse(String text) {
            if (FieldErrors.blank(text)) {
                return START;
            }
            Matcher m = TEXT.matcher(text.trim());
            if (!m.matches()) {
                throw invalid();
            }
            try {
                return new Cursor(
                        Long.toUnsignedString(Long.parseUnsignedLong(m.group(1))), Long.parseLong(m.group(2)));
            } catch (NumberFormatException e) {
                throw invalid();
            }
        }

        public String text() {
            return xid + "-" + seq;
        }

        private static RuntimeException invalid() {
            return FieldErrors.single("cursor", "validation.sync_cursor");
        }
    }

    /** A row's last change: deleted, or to be read as it is now. */
    public record Change(long id, Cursor at, boolean deleted) {}

    /**
     * A page of changes and where the next read starts (the request's cursor when nothing changed), and how many seconds
     * the feed is held back by the oldest transaction still writing (0 when none is).
     */
    public record Page(List<Change> changes, Cursor next, boolean hasMore, long lagSeconds) {
        public List<Long> changed() {
            return changes.stream().filter(c -> !c.deleted()).map(Change::id).toList();
        }

        public List<Long> deleted() {
            return changes.stream().filter(Change::deleted).map(Change::id).toList();
        }
    }

    /**
     * The changes of {@code table} (its id column {@code idColumn}, a constant of the caller's) after {@code after}, oldest
     * first, at most {@code limit}, inside the caller's transaction on the store's schema.
     */
    public static Page after(JdbcClient sql, String table, String idColumn, Cursor after, int limit) {
        // the text of the xid gets a name of its own: "order by xid" would otherwise sort by that text ("1000" before
        // "997"), and a page cut there would hand out a cursor past changes it never showed
        List<Change> changes = sql.sql("select " + idColumn + ", xid::text as xid_text, seq, deleted from " + table
                        + " where (xid, seq) > (cast(:xid as xid8), :seq)"
                        + " and xid < pg_snapshot_xmin(pg_current_snapshot())"
                        + " order by xid, seq limit :limit")
                .param("xid", after.xid())
                .param("seq", after.seq())
                .param("limit", limit)
                .query((rs, i) ->
                        new Change(rs.getLong(1), new Cursor(rs.getString(2), rs.getLong(3)), rs.getBoolean(4)))
                .list();
        Cursor next =
                changes.isEmpty() ? after : changes.get(changes.size() - 1).at();
        return new Page(changes, next, changes.size() == limit, lagSeconds(sql));
    }

    /**
     * How long the oldest transaction that writes (it has a transaction id) has been running, other than this one: what a
     * change committed since it began waits for before any feed shows it. The services' own sessions end a transaction
     * idle for a minute and a statement running for five ({@code KASSA_DB_IDLE_IN_TRANSACTION_TIMEOUT},
     * {@code KASSA_DB_STATEMENT_TIMEOUT}), so a stuck one of theirs cannot hold the feeds longer.
     */
    static long lagSeconds(JdbcClient sql) {
        return sql.sql(
                        """
                        select coalesce(extract(epoch from now() - min(xact_start)), 0)::bigint from pg_stat_activity
                         where backend_xid is not null and pid <> pg_backend_pid()""")
                .query(Long.class)
                .single();
    }

    /** The answer's header saying how far behind the feed is, in seconds ({@link Page#lagSeconds}). */
    public static final String LAG_HEADER = "Kassa-Sync-Lag";

    /**
     * A feed's answer: {@code body} with the next cursor as its {@code ETag}, or 304 without a body when nothing changed
     * and the till's {@code If-None-Match} is that cursor (a till that polls once a minute transfers nothing then).
     */
    /** What a feed's service answers: the page's body (as the service shows its rows) and the page it was made of. */
    public record Answer<T>(T body, Page page) {
        /** The HTTP answer: the body with its ETag, or 304 to a till whose If-None-Match is the unchanged cursor. */
        public ResponseEntity<T> respond(String ifNoneMatch) {
            return answer(body, page, ifNoneMatch);
        }
    }

    public static <T> ResponseEntity<T> answer(T body, Page page, String ifNoneMatch) {
        String etag = "\"" + page.next().text() + "\"";
        String lag = Long.toString(page.lagSeconds());
        if (page.changes().isEmpty() && etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .header(LAG_HEADER, lag)
                    .cacheControl(CacheControl.noCache().cachePrivate())
                    .build();
        }
        return ResponseEntity.ok()
                .eTag(etag)
                .header(LAG_HEADER, lag)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(body);
    }
}
