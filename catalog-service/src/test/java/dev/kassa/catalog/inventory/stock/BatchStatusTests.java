package dev.kassa.catalog.inventory.stock;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A batch's quality status as the code names it and as the API, the database and the messages spell it. */
class BatchStatusTests {

    @Test
    void statusesAreSpelledAsTheApiAndTheDatabaseAlwaysDid() {
        assertThat(BatchStatus.values())
                .extracting(BatchStatus::code)
                .containsExactly("approved", "pending", "blocked");
        assertThat(BatchStatus.parse("blocked")).contains(BatchStatus.BLOCKED);
        assertThat(BatchStatus.parse("BLOCKED")).isEmpty();
        assertThat(BatchStatus.parse("recalled")).isEmpty();
        assertThatThrownBy(() -> BatchStatus.of("recalled")).isInstanceOf(IllegalArgumentException.class);
    }
}
