package dev.kassa.platform.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a store's app (a partner's integration with client credentials, issue 38) may do: the scopes its owner grants it,
 * each a set of the permissions the roles hold ({@link Role}), so an operation's {@link Access} rule decides for apps as
 * it does for employees. No scope holds selling, shifts or anything about the employees' own accounts: those stay with
 * people ({@link Access#MEMBER} and {@link Access#SELL} refuse apps).
 */
public enum AppScope {
    SALES_READ("sales:read", List.of("view_sales")),
    CATALOG_READ("catalog:read", List.of("view_products")),
    CATALOG_WRITE("catalog:write", List.of("view_products", "create_products", "update_products", "manage_inventory")),
    CUSTOMERS_READ("customers:read", List.of("view_customers")),
    CUSTOMERS_WRITE("customers:write", List.of("view_customers", "create_customers", "manage_customers")),
    WEBHOOKS_MANAGE("webhooks:manage", List.of("manage_webhooks"));

    private final String code;
    private final List<String> permissions;

    AppScope(String code, List<String> permissions) {
        this.code = code;
        this.permissions = permissions;
    }

    public String code() {
        return code;
    }

    public List<String> permissions() {
        return permissions;
    }

    public static Optional<AppScope> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
