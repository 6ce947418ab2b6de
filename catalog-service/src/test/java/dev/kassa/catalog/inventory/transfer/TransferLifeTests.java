package dev.kassa.catalog.inventory.transfer;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A transfer's life as the aggregate leads it, at the source and at the destination: no Spring, no database. */
class TransferLifeTests {

    @Test
    void theSourceShipsOrCancelsItsDraftOnceAndTheDestinationsCopyDoesNeither() {
        Transfer draft = transfer(Direction.OUT, TransferStatus.DRAFT);
        assertThat(draft.ship()).isTrue();
        assertThat(draft.ship()).isFalse();
        assertThat(draft.status()).isEqualTo(TransferStatus.SHIPPED);
        assertThatThrownBy(draft::cancel).satisfies(refused(CatalogErrors.TRANSFER_STATUS));

        Transfer cancelled = transfer(Direction.OUT, TransferStatus.DRAFT);
        assertThat(cancelled.cancel()).isTrue();
        assertThat(cancelled.cancel()).isFalse();
        assertThatThrownBy(cancelled::ship).satisfies(refused(CatalogErrors.TRANSFER_STATUS));

        Transfer copy = transfer(Direction.IN, TransferStatus.SHIPPED);
        assertThatThrownBy(copy::ship).satisfies(refused(CatalogErrors.TRANSFER_STATUS));
        assertThatThrownBy(copy::cancel).satisfies(refused(CatalogErrors.TRANSFER_STATUS));
    }

    @Test
    void aReceiptSpreadsEachLineOverThePartsThatLeftInTheirOrder() {
        Transfer copy = transfer(Direction.IN, TransferStatus.SHIPPED);
        Transfer.Receiving receiving = copy.receive(request(null, false, 1, "5"), new FieldErrors());
        assertThat(receiving.pieces().incoming())
                .extracting(i -> i.quantity().toPlainString(), i -> i.cost().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("4.000", "2.00"),
                        org.assertj.core.groups.Tuple.tuple("1.000", "3.00"));
        Transfer.Outcome outcome = copy.received(receiving, Map.of(1L, List.of(91L, 92L)));
        assertThat(copy.status()).isEqualTo(TransferStatus.PARTIALLY_RECEIVED);
        assertThat(outcome.all()).isFalse();
        assertThat(outcome.receivedCost()).isEqualByComparingTo("11.00");
        TransferReceived event = copy.announced(5, 3L, outcome);
        assertThat(event.transferStatus()).isEqualTo("partially_received");
        assertThat(event.lines()).singleElement().satisfies(l -> assertThat(l.batchIds())
                .containsExactly(91L, 92L));
    }

    @Test
    void everythingStillToComeIsTakenWhenNoLineIsNamedAndCloseRecordsTheRestLost() {
        Transfer all = transfer(Direction.IN, TransferStatus.SHIPPED);
        Transfer.Receiving receiving = all.receive(request(null, false, 0, null), new FieldErrors());
        assertThat(receiving.coming()).containsOnlyKeys(1L);
        assertThat(receiving.coming().get(1L)).isEqualByComparingTo("10");
        all.received(receiving, Map.of());
        assertThat(all.status()).isEqualTo(TransferStatus.RECEIVED);

        Transfer closed = transfer(Direction.IN, TransferStatus.SHIPPED);
        Transfer.Outcome outcome =
                closed.received(closed.receive(request(null, true, 1, "2"), new FieldErrors()), Map.of());
        assertThat(closed.status()).isEqualTo(TransferStatus.RECEIVED);
        assertThat(outcome.changes()).singleElement().satisfies(c -> {
            assertThat(c.lost()).isEqualByComparingTo("8");
            assertThat(c.lostValue()).isEqualByComparingTo("22.00");
        });
    }

    @Test
    void aReceiptAboveWhatIsStillToComeOrOnACopyNotShippedIsRefused() {
        assertThatThrownBy(() -> transfer(Direction.IN, TransferStatus.SHIPPED)
                        .receive(request(null, false, 1, "11"), new FieldErrors()))
                .satisfies(refused(CatalogErrors.TRANSFER_OVER_RECEIPT));
        assertThatThrownBy(() -> transfer(Direction.IN, TransferStatus.RECEIVED)
                        .receive(request(null, false, 1, "1"), new FieldErrors()))
                .satisfies(refused(CatalogErrors.TRANSFER_STATUS));
        assertThatThrownBy(() -> transfer(Direction.OUT, TransferStatus.SHIPPED)
                        .receive(request(null, false, 1, "1"), new FieldErrors()))
                .satisfies(refused(CatalogErrors.TRANSFER_STATUS));
        assertThatThrownBy(() -> transfer(Direction.IN, TransferStatus.SHIPPED)
                        .receive(request(9L, false, 1, "1"), new FieldErrors()))
                .isInstanceOfSatisfying(
                        KassaException.class, e -> assertThat(e.fieldErrors()).containsKey("lines.0.line"));
    }

    @Test
    void theSourceFollowsWhatTheDestinationReportedOnlyByAMoveItMayMake() {
        Transfer source = transfer(Direction.OUT, TransferStatus.SHIPPED);
        assertThat(source.told(TransferStatus.PARTIALLY_RECEIVED)).isTrue();
        assertThat(source.told(TransferStatus.RECEIVED)).isTrue();
        assertThat(source.told(TransferStatus.PARTIALLY_RECEIVED)).isFalse();
        assertThat(source.status()).isEqualTo(TransferStatus.RECEIVED);
        assertThat(transfer(Direction.IN, TransferStatus.SHIPPED).told(TransferStatus.RECEIVED))
                .isFalse();
    }

    private static Transfer transfer(Direction direction, TransferStatus status) {
        TransferRepository.Row row = new TransferRepository.Row(
                7,
                "TR-7",
                direction,
                "a",
                "b",
                direction == Direction.IN ? 70L : null,
                status,
                "",
                1L,
                Instant.now(),
                null,
                null,
                null,
                1,
                BigDecimal.TEN,
                BigDecimal.TEN,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                new BigDecimal("22.00"),
                BigDecimal.ZERO);
        TransferRepository.Line line = new TransferRepository.Line(
                1,
                1,
                new TransferRepository.Goods(101L, 11L, "Milk", "M", null, q("10"), q("10")),
                q("0"),
                q("0"),
                new BigDecimal("0.00"));
        return new Transfer(
                row,
                List.of(line),
                List.of(
                        new TransferRepository.Part(
                                1, 1, 1, 501L, null, q("4"), q("0"), new BigDecimal("2.00"), "B-1", null, null),
                        new TransferRepository.Part(
                                2, 1, 2, 502L, null, q("6"), q("0"), new BigDecimal("3.00"), "B-2", null, null)));
    }

    private static TransferService.TransferReceiveRequest request(
            Long line, boolean close, int lines, String quantity) {
        List<TransferService.TransferReceivedLineForm> forms = lines == 0
                ? null
                : List.of(new TransferService.TransferReceivedLineForm(
                        line == null ? 1L : line, new BigDecimal(quantity)));
        return new TransferService.TransferReceiveRequest(forms, close, null, null);
    }

    private static BigDecimal q(String value) {
        return new BigDecimal(value).setScale(3);
    }

    private static Consumer<Throwable> refused(CatalogErrors error) {
        return e -> assertThat(e).isInstanceOfSatisfying(KassaException.class, k -> assertThat(k.is(error))
                .as(k.code())
                .isTrue());
    }
}
