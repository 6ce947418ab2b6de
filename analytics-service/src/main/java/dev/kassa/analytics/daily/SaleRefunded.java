package dev.kassa.analytics.daily;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The part of the SaleRefunded contract that analytics reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
record SaleRefunded(String refundId, String receiptNumber, LocalDate businessDate, BigDecimal amount, String method, List<Line> lines) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Line(BigDecimal quantity) { }
}
