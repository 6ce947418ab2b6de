package dev.kassa.sales.catalog;

import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hold intents recorded ahead of the scans ({@link SpareIntents}): a busy store pays one transaction for many scans' intents,
 * every reference is committed before it is handed out, and what goes unused is removed by its own instance, so the
 * sweep never sends catalog a reference nobody held.
 */
@KassaIntegrationTest
class SpareIntentsTests {

    @Autowired
    SpareIntents spares;

    @Autowired
    HoldIntentRepository intents;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBusyStoreRecordsItsIntentsAheadInBatchesEachCommittedBeforeItIsHandedOut() {
        String store = TestStores.newKey("spare");
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String ref = spares.take(store);
            assertThat(intentExists(ref))
                    .as("committed before it is handed out")
                    .isTrue();
            taken.add(ref);
        }

        assertThat(taken).doesNotHaveDuplicates();
        assertThat(spares.unused(store)).as("recorded ahead").isPositive();
        assertThat(intentsOf(store)).isEqualTo(taken.size() + spares.unused(store));
        assertThat(batches(store))
                .as("transactions for 20 scans' intents (1, 2, 4, 8, 16 references)")
                .isLessThanOrEqualTo(5);
    }

    @Test
    void aSaleSentWholeTakesAReferencePerLineSpareOnesFirstAndTheRestInOneBatch() {
        String store = TestStores.newKey("spare");
        SpareIntents own = new SpareIntents(intents, tx, Duration.ofSeconds(30));
        String first = own.take(store);
        String second = own.take(store);
        assertThat(own.unused(store))
                .as("the second scan's batch of two left one")
                .isEqualTo(1);
        List<String> spare = new ArrayList<>(refsOf(store));
        spare.removeAll(List.of(first, second));
        int batchesBefore = batches(store);

        List<String> lines = own.take(store, 7);

        assertThat(lines).hasSize(7).doesNotHaveDuplicates().doesNotContain(first, second);
        assertThat(lines).as("the spare one first").startsWith(spare.toArray(String[]::new));
        assertThat(lines).allMatch(this::intentExists);
        assertThat(batches(store)).as("the six missing in one transaction").isEqualTo(batchesBefore + 1);
        assertThat(own.unused(store))
                .as("a batch as large as what was missing, nothing left over")
                .isZero();

        List<String> next = own.take(store, 3);
        assertThat(next).doesNotContainAnyElementsOf(lines);
        assertThat(intentsOf(store))
                .as("every reference handed out, and the spare ones, recorded once")
                .isEqualTo(2 + 7 + 3 + own.unused(store));
    }

    @Test
    void referencesThatWentStaleAreRemovedUnusedAndNeverHandedOut() {
        String store = TestStores.newKey("spare");
        // fresh for 200 ms
        SpareIntents quick = new SpareIntents(intents, tx, Duration.ofMillis(600));
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            taken.add(quick.take(store));
        }
        assertThat(quick.unused(store)).isEqualTo(3);
        List<String> unused = new ArrayList<>(refsOf(store));
        unused.removeAll(taken);

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    quick.removeStale();
                    return quick.unused(store) == 0;
                });
        assertThat(refsOf(store))
                .as("the taken ones stay until their lines are written; the unused ones are gone")
                .containsExactlyInAnyOrderElementsOf(taken);

        String next = quick.take(store);
        assertThat(unused).doesNotContain(next);
        assertThat(quick.unused(store))
                .as("a store that went quiet starts again at one a batch")
                .isZero();
    }

    @Test
    void aScanThatFindsOnlyStaleReferencesHasThemRemovedWithItsOwnBatch() {
        String store = TestStores.newKey("spare");
        SpareIntents quick = new SpareIntents(intents, tx, Duration.ofMillis(600));
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            taken.add(quick.take(store));
        }
        List<String> unused = new ArrayList<>(refsOf(store));
        unused.removeAll(taken);
        assertThat(unused).hasSize(3);

        // older than the 200 ms a reference is handed out for, and nothing has removed them yet
        await().pollDelay(Duration.ofMillis(250)).atMost(Duration.ofSeconds(5)).until(() -> true);
        String next = quick.take(store);

        assertThat(unused).doesNotContain(next);
        assertThat(refsOf(store))
                .doesNotContainAnyElementsOf(unused)
                .contains(next)
                .containsAll(taken);
    }

    @Test
    void anInstanceThatStopsRemovesWhatItDidNotUse() {
        String store = TestStores.newKey("spare");
        SpareIntents stopping = new SpareIntents(intents, tx, Duration.ofSeconds(30));
        String first = stopping.take(store);
        String second = stopping.take(store);
        assertThat(intentsOf(store)).isEqualTo(3);

        stopping.removeAll();

        assertThat(refsOf(store)).containsExactlyInAnyOrder(first, second);
    }

    /** The transactions that recorded the store's intents still there (one time each). */
    private int batches(String store) {
        return jdbc.queryForObject(
                "select count(distinct created_at) from public.till_hold_intents where tenant_key = ?",
                Integer.class,
                store);
    }

    private boolean intentExists(String ref) {
        return jdbc.queryForObject(
                        "select count(*) from public.till_hold_intents where request_ref = ?", Integer.class, ref)
                == 1;
    }

    private int intentsOf(String store) {
        return refsOf(store).size();
    }

    private List<String> refsOf(String store) {
        return jdbc.queryForList(
                "select request_ref from public.till_hold_intents where tenant_key = ?", String.class, store);
    }
}
