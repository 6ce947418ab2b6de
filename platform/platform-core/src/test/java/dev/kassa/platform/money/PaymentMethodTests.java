package dev.kassa.platform.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentMethodTests {

    record Paid(String method, BigDecimal amount) {}

    @Test
    void aSplitPaymentIsSummedPerMethodAndAnUnknownMethodIsNoneOfThem() {
        List<Paid> payments = List.of(
                new Paid("cash", new BigDecimal("14000.00")),
                new Paid("card", new BigDecimal("10000.00")),
                new Paid("cash", new BigDecimal("1000.00")),
                new Paid("voucher", new BigDecimal("500.00")));
        assertThat(PaymentMethod.CASH.paidIn(payments, Paid::method, Paid::amount))
                .isEqualByComparingTo("15000");
        assertThat(PaymentMethod.CARD.paidIn(payments, Paid::method, Paid::amount))
                .isEqualByComparingTo("10000");
        assertThat(PaymentMethod.CREDIT.paidIn(payments, Paid::method, Paid::amount))
                .isZero();
        assertThat(PaymentMethod.CASH.paidIn(null, Paid::method, Paid::amount))
                .as("an event without payments")
                .isZero();
    }

    @Test
    void theCodesAreTheApisLowerCaseNames() {
        assertThat(PaymentMethod.of("transfer")).contains(PaymentMethod.TRANSFER);
        assertThat(PaymentMethod.BONUS.code()).isEqualTo("bonus");
        assertThat(PaymentMethod.isKnown("CASH")).as("codes are exact").isFalse();
        assertThat(PaymentMethod.isKnown(null)).isFalse();
        assertThat(PaymentMethod.isKnown("voucher")).isFalse();
    }
}
