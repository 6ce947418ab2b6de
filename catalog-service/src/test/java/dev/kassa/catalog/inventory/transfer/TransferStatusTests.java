package dev.kassa.catalog.inventory.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.catalog.CatalogErrors;
import dev.kassa.platform.data.Coded;
import dev.kassa.platform.error.KassaException;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.kassa.catalog.inventory.transfer.TransferStatus.CANCELLED;
import static dev.kassa.catalog.inventory.transfer.TransferStatus.DRAFT;
import static dev.kassa.catalog.inventory.transfer.TransferStatus.PARTIALLY_RECEIVED;
import static dev.kassa.catalog.inventory.transfer.TransferStatus.RECEIVED;
import static dev.kassa.catalog.inventory.transfer.TransferStatus.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransferStatusTests {

    /** Every move a transfer may make (on either store's copy); every pair not listed is refused. */
    private static final Map<TransferStatus, Set<TransferStatus>> ALLOWED = Map.of(
            DRAFT, EnumSet.of(SHIPPED, CANCELLED),
            SHIPPED, EnumSet.of(PARTIALLY_RECEIVED, RECEIVED),
            PARTIALLY_RECEIVED, EnumSet.of(PARTIALLY_RECEIVED, RECEIVED),
            RECEIVED, EnumSet.noneOf(TransferStatus.class),
            CANCELLED, EnumSet.noneOf(TransferStatus.class));

    @Test
    void onlyTheMovesOfATransfersLifeAreAllowed() {
        for (TransferStatus from : TransferStatus.values()) {
            for (TransferStatus to : TransferStatus.values()) {
                assertThat(from.canBecome(to))
                        .as(from + " → " + to)
                        .isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void anAllowedMoveAnswersTheNextStatusAndARefusedOneRaisesTheGivenErrorNamingTheStatus() {
        for (TransferStatus from : TransferStatus.values()) {
            for (TransferStatus to : TransferStatus.values()) {
                if (ALLOWED.get(from).contains(to)) {
                    assertThat(from.moveTo(to, CatalogErrors.TRANSFER_STATUS))
                            .as(from + " → " + to)
                            .isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> from.moveTo(to, CatalogErrors.TRANSFER_STATUS))
                            .as(from + " → " + to)
                            .isInstanceOfSatisfying(KassaException.class, e -> {
                                assertThat(e.code()).isEqualTo("transfer_status");
                                assertThat(e.status()).isEqualTo(409);
                                assertThat(e.details()).isEqualTo(Map.of("transfer_status", from.code()));
                                assertThat(e.args()).containsExactly(from.code());
                            });
                }
            }
        }
    }

    @Test
    void goodsComeOnlyForATransferShippedAndNotAllReceivedAndAFinalStatusHasNoWayOut() {
        for (TransferStatus s : TransferStatus.values()) {
            assertThat(s.receivable())
                    .as(s.code())
                    .isEqualTo(EnumSet.of(SHIPPED, PARTIALLY_RECEIVED).contains(s));
            assertThat(s.receivable()).as(s.code()).isEqualTo(s.canBecome(RECEIVED));
            assertThat(s.isFinal())
                    .as(s.code())
                    .isEqualTo(EnumSet.of(RECEIVED, CANCELLED).contains(s));
            assertThat(s.isFinal()).as(s.code()).isEqualTo(ALLOWED.get(s).isEmpty());
        }
    }

    @Test
    void theWireNamesAreTheApisTheDatabasesAndTheEvents() {
        for (TransferStatus s : TransferStatus.values()) {
            assertThat(TransferStatus.of(s.code())).isEqualTo(s);
            assertThat(TransferStatus.parse(s.code())).contains(s);
        }
        assertThat(PARTIALLY_RECEIVED.code()).isEqualTo("partially_received");
        assertThat(TransferStatus.names()).isEqualTo("draft, shipped, partially_received, received, cancelled");
        assertThat(TransferStatus.parse("DRAFT")).isEmpty();
        assertThat(TransferStatus.parse("lost")).isEmpty();
        assertThat(TransferStatus.parse("")).isEmpty();
        assertThat(TransferStatus.parse(null)).isEmpty();
        assertThatThrownBy(() -> TransferStatus.of("lost")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransferStatus.of("SHIPPED")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDirectionsAreTheSourcesOutAndTheDestinationsIn() {
        assertThat(Direction.OUT.code()).isEqualTo("out");
        assertThat(Direction.IN.code()).isEqualTo("in");
        for (Direction d : Direction.values()) {
            assertThat(Direction.of(d.code())).isEqualTo(d);
            assertThat(Direction.parse(d.code())).contains(d);
        }
        assertThat(Direction.parse("sideways")).isEmpty();
        assertThat(Direction.parse("OUT")).isEmpty();
        assertThatThrownBy(() -> Direction.of("sideways")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTransfersAnswerWritesItsStatusAndDirectionByTheirCodes() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(json.writeValueAsString(PARTIALLY_RECEIVED)).isEqualTo("\"partially_received\"");
        assertThat(json.writeValueAsString(Direction.IN)).isEqualTo("\"in\"");
        assertThat(Coded.of(TransferStatus.class, "partially_received")).contains(PARTIALLY_RECEIVED);
        assertThat(Coded.of(Direction.class, "out")).contains(Direction.OUT);
    }
}
