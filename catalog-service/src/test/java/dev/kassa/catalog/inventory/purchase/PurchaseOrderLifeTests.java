package dev.kassa.catalog.inventory.purchase;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.inventory.stock.PurchaseReceiptService;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A purchase order's life as the aggregate leads it: no Spring, no database. */
class PurchaseOrderLifeTests {

    @Test
    void aDraftIsEditedAndSentAndSendingAgainIsNoMove() {
        PurchaseOrder order = order(PurchaseOrderStatus.DRAFT);
        order.edit();
        assertThat(order.order()).isTrue();
        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.ORDERED);
        assertThat(order.order()).isFalse();
        assertThatThrownBy(order::edit).satisfies(refused(CatalogErrors.PURCHASE_ORDER_STATUS));
    }

    @Test
    void goodsComeOnlyForAnOrderSentAndTheOrderFollowsWhatItsLinesHave() {
        assertThatThrownBy(
                        () -> order(PurchaseOrderStatus.DRAFT).receive(List.of(form(1, "1")), false, new FieldErrors()))
                .satisfies(refused(CatalogErrors.PURCHASE_ORDER_STATUS));
        PurchaseOrder order = order(PurchaseOrderStatus.ORDERED);
        List<PurchaseReceiptService.Purchase> first = order.receive(List.of(form(1, "4")), false, new FieldErrors());
        assertThat(first).singleElement().satisfies(p -> {
            assertThat(p.product()).isEqualTo(101);
            assertThat(p.quantity()).isEqualByComparingTo("4");
            assertThat(p.cost()).isEqualByComparingTo("2.50");
        });
        PurchaseOrderReceived event = order.received(7, 3L, received(1, 101, "4"));
        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.PARTIALLY_RECEIVED);
        assertThat(event.orderStatus()).isEqualTo("partially_received");
        assertThat(event.receiptId()).isEqualTo(7);
        assertThat(event.receiptCost()).isEqualByComparingTo("10.00");

        order.receive(List.of(form(1, "6"), form(2, "5")), false, new FieldErrors());
        order.received(
                8,
                3L,
                List.of(received(1, 101, "6").get(0), received(2, 102, "5").get(0)));
        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.RECEIVED);
        assertThatThrownBy(() -> order.receive(List.of(form(1, "1")), true, new FieldErrors()))
                .satisfies(refused(CatalogErrors.PURCHASE_ORDER_STATUS));
        assertThatThrownBy(order::close).satisfies(refused(CatalogErrors.PURCHASE_ORDER_STATUS));
    }

    @Test
    void moreThanALineOrderedIsRefusedUnlessAcceptedAndAnUnknownLineIsAFieldError() {
        PurchaseOrder order = order(PurchaseOrderStatus.ORDERED);
        assertThatThrownBy(() -> order.receive(List.of(form(1, "11")), false, new FieldErrors()))
                .satisfies(refused(CatalogErrors.PURCHASE_OVER_RECEIPT));
        assertThat(order.receive(List.of(form(1, "11")), true, new FieldErrors()))
                .hasSize(1);
        assertThatThrownBy(() -> order.receive(List.of(form(9, "1")), false, new FieldErrors()))
                .isInstanceOfSatisfying(
                        KassaException.class, e -> assertThat(e.fieldErrors()).containsKey("lines.0.line"));
        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.ORDERED);
    }

    @Test
    void anOrderIsClosedAfterAPartOrCancelledBeforeAnythingCame() {
        PurchaseOrder partly = order(PurchaseOrderStatus.PARTIALLY_RECEIVED);
        assertThatThrownBy(partly::cancel).satisfies(refused(CatalogErrors.PURCHASE_ORDER_RECEIVED));
        assertThat(partly.close()).isTrue();
        assertThat(partly.close()).isFalse();
        assertThat(partly.status()).isEqualTo(PurchaseOrderStatus.CLOSED);

        PurchaseOrder draft = order(PurchaseOrderStatus.DRAFT);
        assertThat(draft.cancel()).isTrue();
        assertThat(draft.cancel()).isFalse();
        assertThatThrownBy(draft::order).satisfies(refused(CatalogErrors.PURCHASE_ORDER_STATUS));
    }

    private static PurchaseOrder order(PurchaseOrderStatus status) {
        PurchaseOrderRepository.Row row = new PurchaseOrderRepository.Row(
                1,
                "PO-1",
                5,
                "Supplier",
                status,
                LocalDate.now(),
                "",
                3L,
                Instant.now(),
                null,
                null,
                "",
                2,
                BigDecimal.ZERO,
                BigDecimal.ZERO);
        return new PurchaseOrder(
                row,
                List.of(
                        new PurchaseOrderRepository.Line(
                                1,
                                1,
                                new PurchaseOrderRepository.LineProduct(101, "Milk", "M", null),
                                new BigDecimal("10.000"),
                                new BigDecimal("2.50"),
                                BigDecimal.ZERO.setScale(3)),
                        new PurchaseOrderRepository.Line(
                                2,
                                2,
                                new PurchaseOrderRepository.LineProduct(102, "Beans", "B", null),
                                new BigDecimal("5.000"),
                                new BigDecimal("9.00"),
                                BigDecimal.ZERO.setScale(3))));
    }

    private static PurchaseOrderService.ReceivedLineForm form(long line, String quantity) {
        return new PurchaseOrderService.ReceivedLineForm(line, new BigDecimal(quantity), null, null, null, null);
    }

    private static List<PurchaseOrderRepository.ReceivedLine> received(long line, long product, String quantity) {
        return List.of(new PurchaseOrderRepository.ReceivedLine(
                line, product, new BigDecimal(quantity), new BigDecimal("2.50"), 40L + line));
    }

    private static java.util.function.Consumer<Throwable> refused(CatalogErrors error) {
        return e -> assertThat(e).isInstanceOfSatisfying(KassaException.class, k -> assertThat(k.is(error))
                .as(k.code())
                .isTrue());
    }
}
