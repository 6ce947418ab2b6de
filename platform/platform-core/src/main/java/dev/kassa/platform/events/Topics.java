package dev.kassa.platform.events;

import java.util.List;

/** Kafka topics (brief §5). */
public final class Topics {
    private Topics() { }

    public static final String AUTH = "auth.events";
    public static final String CATALOG = "catalog.events";
    public static final String SALES = "sales.events";
    public static final String CUSTOMER = "customer.events";
    public static final String TASK = "task.events";

    public static final List<String> ALL = List.of(AUTH, CATALOG, SALES, CUSTOMER, TASK);
}
