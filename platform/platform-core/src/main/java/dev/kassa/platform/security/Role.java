package dev.kassa.platform.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Store roles (spec §9.1) with their permission strings. The strings are what register, login and
 * {@code me} show, and what services enforce (see {@link Access}). The original's shared
 * {@code staff} account is not carried over (brief §4).
 */
public enum Role {
    OWNER(
            "owner",
            "Владелец",
            "Owner",
            List.of(
                    "view_all",
                    "create_all",
                    "update_all",
                    "delete_all",
                    "manage_employees",
                    "manage_store",
                    "view_analytics",
                    "manage_products",
                    "manage_sales",
                    "manage_customers",
                    "manage_production")),
    MANAGER(
            "manager",
            "Менеджер",
            "Manager",
            List.of(
                    "view_all",
                    "create_all",
                    "update_all",
                    "manage_employees",
                    "manage_products",
                    "manage_sales",
                    "manage_customers",
                    "view_analytics",
                    "manage_production")),
    CASHIER(
            "cashier",
            "Кассир",
            "Cashier",
            List.of("view_products", "create_sales", "view_customers", "create_customers")),
    STOCKKEEPER(
            "stockkeeper",
            "Складчик",
            "Stockkeeper",
            List.of("view_products", "create_products", "update_products", "manage_inventory", "view_analytics")),
    /** A café's waiter (QRes' role): takes orders at the tables and sends them to the kitchen; does not work a till. */
    WAITER("waiter", "Официант", "Waiter", List.of("view_products", "take_orders")),
    /** A café's kitchen or bar account (QRes' role): sees only the kitchen screen and moves its tickets along. */
    KITCHEN("kitchen", "Кухня", "Kitchen", List.of("kitchen")),
    /**
     * A production line's operator (MPSYSTEM's role, issue 87): reports work on the floor; sees no prices or costs, so
     * none of the catalog's product reads ({@code view_products}).
     */
    OPERATOR("operator", "Оператор", "Operator", List.of("operate_production")),
    /**
     * Reads everything in the store and changes nothing (MPSYSTEM's role, issue 87): the platform answers any request of
     * theirs to the store but a read 403 {@code permission_denied} ({@link #readsOnly()}).
     */
    VIEWER(
            "viewer",
            "Наблюдатель",
            "Viewer",
            List.of("view_all", "view_products", "view_sales", "view_customers", "view_analytics"));

    private final String code;
    private final String displayRu;
    private final String displayEn;
    private final List<String> permissions;

    Role(String code, String displayRu, String displayEn, List<String> permissions) {
        this.code = code;
        this.displayRu = displayRu;
        this.displayEn = displayEn;
        this.permissions = permissions;
    }

    public String code() {
        return code;
    }

    public List<String> permissions() {
        return permissions;
    }

    /**
     * A role that only reads: in its store, every request but GET, HEAD and OPTIONS is refused whatever the operation's
     * {@link Access} rule lets through.
     */
    public boolean readsOnly() {
        return this == VIEWER;
    }

    public String display(String language) {
        return "en".equals(language) ? displayEn : displayRu;
    }

    public static Optional<Role> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
