package dev.kassa.platform.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalSpellingsTests {

    private final CanonicalSpellings spellings = new CanonicalSpellings(List.of(
            "/api/sales/sales/{id}",
            "/api/sales/sales/{id}/add_item",
            "/api/sales/sales/scan-item",
            "/api/sales/cash-registers/{id}/current_session",
            "/api/products/products/{id}",
            "/api/products/products/low_stock",
            "/api/files/**"));

    @Test
    void eitherSeparatorReachesTheMappedSpelling() {
        assertThat(spellings.of("/api/sales/sales/scan_item")).isEqualTo("/api/sales/sales/scan-item");
        assertThat(spellings.of("/api/sales/sales/5/add-item")).isEqualTo("/api/sales/sales/5/add_item");
        assertThat(spellings.of("/api/sales/cash_registers/3/current-session"))
                .isEqualTo("/api/sales/cash-registers/3/current_session");
    }

    @Test
    void aPathVariablesValueIsKeptAsSent() {
        assertThat(spellings.of("/api/sales/sales/a_b-c/add-item")).isEqualTo("/api/sales/sales/a_b-c/add_item");
        assertThat(spellings.of("/api/products/products/x_y")).isEqualTo("/api/products/products/x_y");
    }

    @Test
    void aNamedPathWinsOverAVariable() {
        assertThat(spellings.of("/api/products/products/low-stock")).isEqualTo("/api/products/products/low_stock");
    }

    @Test
    void unknownAndAlreadyMappedPathsAreLeftAlone() {
        assertThat(spellings.of("/api/sales/sales/scan-item")).isEqualTo("/api/sales/sales/scan-item");
        assertThat(spellings.of("/api/nothing_here")).isEqualTo("/api/nothing_here");
        assertThat(spellings.of("/api/files/a_b")).isEqualTo("/api/files/a_b");
    }
}
