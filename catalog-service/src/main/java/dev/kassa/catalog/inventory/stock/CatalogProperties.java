package dev.kassa.catalog.inventory.stock;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** @param reservationTtl how long a till's cart holds stock before the hold lapses by itself */
@ConfigurationProperties("kassa.catalog")
public record CatalogProperties(@DefaultValue("30m") Duration reservationTtl) {}
