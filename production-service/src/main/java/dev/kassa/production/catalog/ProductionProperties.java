package dev.kassa.production.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * production-service's settings ({@code kassa.production}).
 *
 * @param catalogUrl     catalog: {@code lb://catalog-service} through discovery, or a fixed URL
 * @param catalogTimeout how long a call to catalog may take to answer
 */
@ConfigurationProperties("kassa.production")
public record ProductionProperties(
        @DefaultValue("lb://catalog-service") String catalogUrl, @DefaultValue("2s") Duration catalogTimeout) {}
