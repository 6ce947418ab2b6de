package dev.kassa.platform.paths;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PathAliasesTests {

    private final PathAliases table = PathAliases.load();

    @Test
    void theShiftsOfTheWebClientAndOfTheScreensAreTheSeedDocumentsSessions() {
        assertThat(table.resolve("GET", "/api/sales/cashier-sessions/current"))
                .isEqualTo("/api/sales/sessions/current");
        assertThat(table.resolve("POST", "/api/sales/cashier_sessions/17/close"))
                .isEqualTo("/api/sales/sessions/17/close");
        assertThat(table.resolve("GET", "/api/sales/shifts")).isEqualTo("/api/sales/sessions");
        // words the table does not name keep their spelling: the service's own mapping settles those
        assertThat(table.resolve("GET", "/api/sales/shifts/cashier_stats"))
                .isEqualTo("/api/sales/sessions/cashier_stats");
    }

    @Test
    void postingToTheCollectionOpensAShiftWhileReadingItLists() {
        assertThat(table.resolve("POST", "/api/sales/cashier-sessions")).isEqualTo("/api/sales/sessions/open");
        assertThat(table.resolve("POST", "/api/sales/sessions")).isEqualTo("/api/sales/sessions/open");
        assertThat(table.resolve("GET", "/api/sales/cashier-sessions")).isEqualTo("/api/sales/sessions");
    }

    @Test
    void anAliasWithAVariableCarriesItsValue() {
        assertThat(table.resolve("POST", "/api/products/products/42/attributes"))
                .isEqualTo("/api/products/products/42/add_attribute");
        // only for the method the table names: reading a product's attributes is another operation
        assertThat(table.resolve("GET", "/api/products/products/42/attributes"))
                .isEqualTo("/api/products/products/42/attributes");
    }

    @Test
    void pathsTheTableDoesNotNameAreLeftAlone() {
        assertThat(table.resolve("GET", "/api/sales/sales/5/receipt")).isEqualTo("/api/sales/sales/5/receipt");
        assertThat(table.resolve("GET", "/api/sales/sessionsx")).isEqualTo("/api/sales/sessionsx");
        assertThat(table.resolve("GET", "/")).isEqualTo("/");
    }

    @Test
    void theSpecListsEveryOtherSpellingOfAnOperation() {
        assertThat(table.spellingsOf("POST", "/api/sales/sessions/{id}/close"))
                .containsExactlyInAnyOrder(
                        "/api/sales/shifts/{id}/close",
                        "/api/sales/cashier-sessions/{id}/close",
                        "/api/sales/cashier_sessions/{id}/close");
        assertThat(table.spellingsOf("POST", "/api/sales/sessions/open"))
                .contains("/api/sales/sessions", "/api/sales/cashier-sessions", "/api/sales/shifts/open");
        assertThat(table.spellingsOf("GET", "/api/users/users/{user_id}/update-profile"))
                .containsExactly("/api/users/users/{user_id}/update_profile");
        assertThat(table.spellingsOf("GET", "/api/sales/sales/{id}")).isEmpty();
    }

    @Test
    void aMalformedLineIsRefusedWhenTheTableIsRead() {
        assertThatThrownBy(() -> PathAliases.parse(List.of("/api/a /api/b"))).hasMessageContaining("<-");
        assertThatThrownBy(() -> PathAliases.parse(List.of("/api/a/** <- /api/b")))
                .hasMessageContaining("prefix");
    }
}
