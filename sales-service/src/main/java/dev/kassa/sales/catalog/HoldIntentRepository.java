package dev.kassa.sales.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.util.List;

/**
 * The holds a scan is about to ask catalog for and has not yet owned by a line ({@code public.till_hold_intents}): committed
 * before catalog is called (ahead of the scans, by {@link SpareIntents}, for requests without a key), removed by the
 * statement that writes the line ({@link #ENDED}). What is left belongs to a scan
 * whose instance died between the two (or that failed and released its hold itself), and {@link AbandonedHolds} releases
 * it, whichever instance placed it: a hold no line owns never outlives its scan by more than a sweep.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class HoldIntentRepository {

    /** A hold left without a line, and its store. */
    record Left(String requestRef, String tenantKey) {}

    /**
     * The removal of the intents {@code :intents} (an array of references) as the common table expression {@code ended}, one
     * row per intent removed, for the statement that writes the lines owning their holds: the lines are written only when
     * {@code (select count(*) from ended)} is the number of references. An intent given up meanwhile (the scan took so long
     * that the sweep released its hold) is not there to remove, and no line is written without its hold; the lines and the
     * removal are one statement, so a crash leaves both or neither.
     */
    public static final String ENDED =
            "ended as (delete from public.till_hold_intents where request_ref = any(cast(:intents as varchar[])) returning 1)";

    private final JdbcClient sql;

    HoldIntentRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** Records that the store's scan (or offline sale) is about to hold under these references. */
    public void begin(String tenantKey, List<String> requestRefs) {
        sql.sql(
                        "insert into public.till_hold_intents (request_ref, tenant_key) select unnest(cast(:refs as varchar[])), :tenant")
                .param("refs", requestRefs.toArray(String[]::new))
                .param("tenant", tenantKey)
                .update();
    }

    /** Removes the intents of references no hold will be asked for, or whose hold was refused or released; false when any was gone. */
    public boolean end(List<String> requestRefs) {
        return sql.sql("delete from public.till_hold_intents where request_ref = any(cast(:refs as varchar[]))")
                        .param("refs", requestRefs.toArray(String[]::new))
                        .update()
                == requestRefs.size();
    }

    /** Removes and answers up to {@code limit} intents older than {@code age} that no other instance is sweeping. */
    List<Left> takeOlderThan(Duration age, int limit) {
        return sql.sql(
                        """
                        delete from public.till_hold_intents where request_ref in (
                            select request_ref from public.till_hold_intents where created_at < now() - cast(:age as interval)
                             order by created_at limit :limit for update skip locked)
                        returning request_ref, tenant_key
                        """)
                .param("age", age.toMillis() + " milliseconds")
                .param("limit", limit)
                .query((rs, i) -> new Left(rs.getString(1), rs.getString(2)))
                .list();
    }
}
