package dev.kassa.platform.observability;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Switches the export of traces over OTLP on when {@code KASSA_OTLP_ENDPOINT} names a collector (for example
 * {@code http://otel-collector:4318/v1/traces}), and leaves it off otherwise.
 * <p>
 * Spring Boot creates its OTLP exporter as soon as {@code management.otlp.tracing.endpoint} is present, even empty, so
 * the property cannot simply default to an empty environment variable: it is added here only when there is a value.
 * Traces are still made without a collector (their ids are in every log line and error body); only their export is off.
 */
public class TraceExport implements EnvironmentPostProcessor {

    static final String ENDPOINT_VARIABLE = "KASSA_OTLP_ENDPOINT";
    static final String ENDPOINT_PROPERTY = "management.otlp.tracing.endpoint";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String endpoint = environment.getProperty(ENDPOINT_VARIABLE);
        if (endpoint != null && !endpoint.isBlank() && !environment.containsProperty(ENDPOINT_PROPERTY)) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource("kassaTraceExport", Map.of(ENDPOINT_PROPERTY, endpoint.trim())));
        }
    }
}
