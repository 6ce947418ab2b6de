package dev.kassa.sales;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaWebSliceTests;
import dev.kassa.platform.test.MockedCollaborators;
import org.junit.jupiter.api.Test;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** What sales-service's web layer decides before any work: tokens, store keys, roles, request shapes. */
class SalesWebTests extends KassaWebSliceTests {

    @Test
    void aRegistersStartingFloatIsAPositiveAmount() {
        Api manager = as("manager");
        assertThat(manager.patch("/api/sales/cash-registers/1/", json("starting_float", -5))
                        .at("/errors/starting_float")
                        .isArray())
                .isTrue();
        assertThat(manager.patch("/api/sales/cash-registers/1/", json("starting_float", "abc"))
                        .status())
                .isEqualTo(400);
        assertThat(MockedCollaborators.called(context)).isEmpty();
    }
}
