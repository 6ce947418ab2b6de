package dev.kassa.sales.till;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.validation.RequestRules;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettlementTests {

    static PaymentRequest cash(String amount, String received) {
        return new PaymentRequest(
                "cash", new BigDecimal(amount), received == null ? null : new BigDecimal(received), null, null);
    }

    static PaymentRequest card(String amount) {
        return new PaymentRequest("card", new BigDecimal(amount), null, "4242", "TXN123456");
    }

    @Test
    void cashWithReceivedAmountGivesChange() {
        Settlement s = Settlement.of(new BigDecimal("150000.00"), List.of(cash("150000", "200000")));
        assertThat(s.change()).isEqualByComparingTo("50000");
        assertThat(s.payments()).singleElement().satisfies(p -> {
            assertThat(p.amount()).isEqualByComparingTo("150000");
            assertThat(p.received()).isEqualByComparingTo("200000");
        });
    }

    @Test
    void splitCashAndCardAsInTheApiDocument() {
        Settlement s = Settlement.of(new BigDecimal("150000.00"), List.of(cash("100000", "100000"), card("50000")));
        assertThat(s.change()).isEqualByComparingTo("0");
        assertThat(s.payments()).extracting(Settlement.Applied::method).containsExactly("cash", "card");
    }

    @Test
    void cashTenderedAboveTheTotalBecomesChange() {
        Settlement s = Settlement.of(new BigDecimal("120.50"), List.of(card("20.50"), cash("200", null)));
        assertThat(s.change()).isEqualByComparingTo("100");
        assertThat(s.payments().get(1).amount()).isEqualByComparingTo("100");
        assertThat(s.payments().get(1).received()).isEqualByComparingTo("200");
    }

    @Test
    void refusesUnderpaymentNonCashOverpaymentAndBadTenders() {
        assertThatThrownBy(() -> Settlement.of(new BigDecimal("100"), List.of(cash("99.99", null))))
                .isInstanceOfSatisfying(
                        KassaException.class, e -> assertThat(e.code()).isEqualTo("insufficient_payment"));
        assertThatThrownBy(() -> Settlement.of(new BigDecimal("100"), List.of(card("150"))))
                .isInstanceOfSatisfying(
                        KassaException.class, e -> assertThat(e.code()).isEqualTo("non_cash_overpaid"));
        assertThatThrownBy(() -> Settlement.of(new BigDecimal("100"), List.of(cash("100", "50"))))
                .isInstanceOfSatisfying(KassaException.class, e -> assertThat(e.fieldErrors())
                        .containsKey("payments.0.received_amount"));
        assertThatThrownBy(() -> Settlement.of(new BigDecimal("100"), List.of()))
                .isInstanceOfSatisfying(
                        KassaException.class, e -> assertThat(e.fieldErrors()).containsKey("payments"));
        assertThatThrownBy(() -> Settlement.of(new BigDecimal("100"), Collections.singletonList(null)))
                .as("a tender sent as null")
                .isInstanceOfSatisfying(KassaException.class, e -> assertThat(e.fieldErrors())
                        .containsKey("payments.0.payment_method"));
        assertThatThrownBy(() -> Settlement.of(
                        new BigDecimal("100"),
                        List.of(new PaymentRequest("card", BigDecimal.TEN, BigDecimal.TEN, null, null))))
                .as("only cash is handed over")
                .isInstanceOfSatisfying(KassaException.class, e -> assertThat(e.fieldErrors())
                        .containsKey("payments.0.received_amount"));
    }

    @Test
    void aTendersOwnFieldsAreCheckedWithTheRequestThatCarriesIt() {
        RequestRules rules = new RequestRules(
                Validation.buildDefaultValidatorFactory().getValidator(),
                new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
        Map<String, List<String>> errors = rules.check(new SaleUploadService.NewSale(
                        null,
                        1L,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(new SaleLine(1L, null, null, null, null, null, null)),
                        List.of(
                                new PaymentRequest("Barter!", BigDecimal.TEN, null, null, null),
                                cash("-100", null),
                                new PaymentRequest(
                                        "card", new BigDecimal("10.001"), BigDecimal.ZERO, "42", "x".repeat(101)),
                                cash("100", null))))
                .asMap();
        assertThat(errors)
                .containsEntry("payments.0.payment_method", List.of(Messages.get("sales.payment_method_unknown")))
                .containsEntry("payments.1.amount", List.of(Messages.get("validation.positive")))
                .containsEntry("payments.2.amount", List.of(Messages.get("validation.positive")))
                .containsEntry("payments.2.received_amount", List.of(Messages.get("validation.invalid")))
                .containsEntry("payments.2.card_last4", List.of(Messages.get("sales.card_last4_invalid")))
                .containsEntry("payments.2.transaction_id", List.of(Messages.get("validation.max_length", 100)))
                .doesNotContainKeys("payments.3.amount", "payments.3.payment_method", "session", "items.0.product");
    }
}
