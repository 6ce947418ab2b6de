package dev.kassa.catalog.inventory.stock;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's reasons: their wire names, which a person may give an adjustment, and which only lower the stock. */
class StockReasonTests {

    @Test
    void eachReasonIsWrittenAsTheMovementsAndEventsAlwaysWroteIt() {
        assertThat(StockReason.RETURN_TO_SUPPLIER.code()).isEqualTo("return_to_supplier");
        assertThat(StockReason.parse("write_off")).contains(StockReason.WRITE_OFF);
        assertThat(StockReason.parse("WRITE_OFF")).isEmpty();
        assertThat(StockReason.parse("theft")).isEmpty();
        for (StockReason reason : StockReason.values()) {
            assertThat(StockReason.parse(reason.code())).contains(reason);
        }
    }

    @Test
    void aPersonAdjustsWithTheAdjustmentReasonsOnlyAndTheFlowsKeepTheirOwn() {
        assertThat(StockReason.values())
                .filteredOn(StockReason::adjustment)
                .extracting(StockReason::code)
                .containsExactlyInAnyOrder(
                        "adjustment", "count", "write_off", "damage", "loss", "expired", "return_to_supplier", "other");
        assertThat(StockReason.values())
                .filteredOn(StockReason::decreasing)
                .extracting(StockReason::code)
                .containsExactlyInAnyOrder("write_off", "damage", "loss", "expired", "return_to_supplier");
    }

    @Test
    void onlyGoodsFromOutsideTheOwnersStoresWaitForACheck() {
        assertThat(StockReason.values())
                .filteredOn(StockReason::checkedOnArrival)
                .containsExactlyInAnyOrder(StockReason.RECEIPT, StockReason.PURCHASE);
    }
}
