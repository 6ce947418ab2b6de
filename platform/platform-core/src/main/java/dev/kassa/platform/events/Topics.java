package dev.kassa.platform.events;

import java.util.List;

/** Kafka topics (brief §5). */
public final class Topics {
    private Topics() {}

    public static final String AUTH = "auth.events";
    public static final String CATALOG = "catalog.events";
    public static final String SALES = "sales.events";
    public static final String CUSTOMER = "customer.events";
    public static final String TASK = "task.events";
    public static final String PRODUCTION = "production.events";

    public static final List<String> ALL = List.of(AUTH, CATALOG, SALES, CUSTOMER, TASK, PRODUCTION);

    /*
     * A consumer of a busy topic (a till's sales and their stock changes) takes what arrived within a quarter of a second
     * in one fetch: @KafkaListener(properties = {Topics.BUSY_MIN_BYTES, Topics.BUSY_WAIT}). With the defaults (an answer
     * as soon as one event is there) each sale cost every consumer of it a fetch, a wake-up and a transaction of its own,
     * so at a till's moderate rate nothing was batched. Quiet topics keep the immediate answer and the long idle wait
     * (spring.kafka.consumer.properties.fetch.max.wait.ms).
     */
    /** A fetch of a busy topic is answered once this many bytes have arrived (about ten sales) … */
    public static final String BUSY_MIN_BYTES = "fetch.min.bytes=${kassa.events.busy-fetch-min-bytes:16384}";
    /** … or when this much time has passed, whichever comes first. */
    public static final String BUSY_WAIT = "fetch.max.wait.ms=${kassa.events.busy-fetch-wait-ms:250}";
}
