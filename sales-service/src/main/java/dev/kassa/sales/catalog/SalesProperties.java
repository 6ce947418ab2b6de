package dev.kassa.sales.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.time.Duration;

@ConfigurationProperties("kassa.sales")
public record SalesProperties(
        @DefaultValue("lb://catalog-service") String catalogUrl,
        @DefaultValue("3s") Duration catalogTimeout,
        /** Calls to catalog in flight at once from this instance; more wait (up to the catalog timeout) in sales. */
        @DefaultValue("16") int catalogMaxConcurrentCalls,
        /** The largest discount (percent of the amount it applies to) a cashier may give; managers and owners have no limit. */
        @DefaultValue("10") BigDecimal cashierMaxDiscountPercent,
        /** customer-service, for the credit tender: {@code lb://customer-service} through discovery, or a fixed URL. */
        @DefaultValue("lb://customer-service") String customerUrl,
        @DefaultValue("2s") Duration customerTimeout) {}
