package dev.kassa.platform.security;

import java.util.Set;

/**
 * Method-security expressions for the enforcement matrix of spec §9.3. Use them as
 * {@code @PreAuthorize(Access.EDIT_CATALOG)} on controller methods; the platform turns the caller's
 * role in the store named by {@code X-Tenant-Key} into these authorities.
 */
public final class Access {
    private Access() {}

    /** Any employee of the store; never an app (an app acts through its scopes only). */
    public static final String MEMBER = "isAuthenticated() and !hasRole('APP')";

    public static final String READ_CATALOG = "hasAnyAuthority('view_all','view_products')";
    public static final String EDIT_CATALOG = "hasAnyAuthority('manage_products','create_products','update_products')";
    public static final String MANAGE_INVENTORY = "hasAnyAuthority('manage_products','manage_inventory')";
    /** Counting stock in a stock-take: who manages the stock, and cashiers (they count the shop floor too). */
    public static final String COUNT_STOCK = "hasAnyAuthority('manage_products','manage_inventory','create_sales')";
    /**
     * Decisions on the stock: applying a stock-take's differences, blocking or approving a batch, the stock settings: the
     * store's owner and managers.
     */
    public static final String DECIDE_STOCK = "hasAuthority('manage_products')";

    public static final String DELETE_CATALOG = "hasAuthority('delete_all')";
    /**
     * What the stock cost and is worth: the back office (analytics' readers: owners, managers, stockkeepers) and those
     * who manage the stock (apps with {@code catalog:write}); not cashiers.
     */
    public static final String READ_STOCK_VALUE = "hasAnyAuthority('view_analytics','manage_inventory')";

    public static final String SELL = "hasAnyAuthority('manage_sales','create_sales')";
    /** Reading sales, their lines and receipts: who sells, and an app with {@code sales:read}. */
    public static final String READ_SALES = "hasAnyAuthority('manage_sales','create_sales','view_sales')";

    public static final String MANAGE_SALES = "hasAuthority('manage_sales')";
    /** A café's orders at the tables: waiters, and whoever sells (a cashier takes orders in a small café). */
    public static final String TAKE_ORDERS = "hasAnyAuthority('manage_sales','create_sales','take_orders')";
    /** The kitchen screen: the kitchen's accounts, the waiters who serve what is ready, and whoever sells. */
    public static final String KITCHEN = "hasAnyAuthority('manage_sales','create_sales','take_orders','kitchen')";

    public static final String READ_CUSTOMERS = "hasAnyAuthority('view_all','view_customers')";
    /**
     * The permissions {@link #READ_CUSTOMERS} lets through: for an answer that shows who a customer is only to them (a
     * batch's trace shows its buyers to these callers, its sales without the person to the others).
     */
    public static final Set<String> CUSTOMER_READERS = Set.of("view_all", "view_customers");

    public static final String CREATE_CUSTOMERS = "hasAnyAuthority('manage_customers','create_customers')";
    public static final String MANAGE_CUSTOMERS = "hasAuthority('manage_customers')";
    public static final String VIEW_ANALYTICS = "hasAuthority('view_analytics')";
    /** Sales, profit, customer and live reports: owners and managers (stockkeepers see stock analytics only). */
    public static final String VIEW_SALES_REPORTS = "hasAuthority('view_analytics') and hasAuthority('view_all')";

    public static final String MANAGE_EMPLOYEES = "hasAuthority('manage_employees')";
    public static final String MANAGE_STORE = "hasAuthority('manage_store')";
    /** A store's webhooks: its owner, and an app with {@code webhooks:manage}. */
    public static final String MANAGE_WEBHOOKS = "hasAnyAuthority('manage_store','manage_webhooks')";

    /** A store's lists as files and files into its lists (exports, imports): its owner and managers, never an app. */
    public static final String FILES = "hasAuthority('view_all') and !hasRole('APP')";

    public static final String MANAGE_TASKS = "hasAnyAuthority('manage_sales','manage_employees')";

    /** Production's lines, routings, orders and planning (issue 87): the store's owner and managers. */
    public static final String MANAGE_PRODUCTION = "hasAuthority('manage_production')";
    /** Reporting work on the floor (issue 87): operators, and who manages production. */
    public static final String OPERATE_PRODUCTION = "hasAnyAuthority('manage_production','operate_production')";
    /** Reading production (issue 87): who reads everything (a viewer too), who manages it and its operators. */
    public static final String READ_PRODUCTION = "hasAnyAuthority('view_all','manage_production','operate_production')";
}
