package dev.kassa.sales.floor;

import dev.kassa.platform.error.Messages;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantRegistry;
import dev.kassa.sales.SalesErrors;
import dev.kassa.sales.catalog.CatalogClient;
import dev.kassa.sales.catalog.CatalogMenu;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The guests' menu behind a table's public link: the link names the store and the table, nothing else; the menu is what
 * catalog says may be ordered now, by category, with prices, never costs or stock figures. The table is read in its own
 * short transaction, catalog asked after it (never while a transaction is open).
 */
@Service
class GuestMenuService {

    /**
     * The menu a guest sees: the store's and the table's names, whether they may order from it ({@code POST
     * /m/{token}/orders}), and the categories in their order.
     */
    record GuestMenu(String store, String table, String area, boolean guestOrdering, List<Category> categories) {}

    /** A category of the menu ({@code id} null for what has none). */
    record Category(Long id, String name, List<Item> items) {}

    /** A dish with the modifier groups it offers (options and what each adds to the price). */
    record Item(
            long id,
            String name,
            String description,
            BigDecimal price,
            String unit,
            List<CatalogMenu.MenuGroup> modifierGroups) {}

    private final MenuLinkService links;
    private final TableRepository tables;
    private final CafeSettingsRepository settings;
    private final TenantRegistry stores;
    private final CatalogClient catalog;
    private final TransactionTemplate reads;

    GuestMenuService(
            MenuLinkService links,
            TableRepository tables,
            CafeSettingsRepository settings,
            TenantRegistry stores,
            CatalogClient catalog,
            PlatformTransactionManager transactions) {
        this.links = links;
        this.tables = tables;
        this.settings = settings;
        this.stores = stores;
        this.catalog = catalog;
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
    }

    /** The menu of a link: 404 for a token no link has (or not a token at all) or a table switched off, 410 withdrawn. */
    GuestMenu menu(String token) {
        MenuLinkService.Opened link = links.open(token);
        Tenant tenant = link.tenant();
        return TenantContext.call(tenant, () -> {
            TableRepository.Table table =
                    Objects.requireNonNull(reads.execute(s -> tables.find(tenant.key(), link.tableId())
                            .filter(TableRepository.Table::isActive)
                            .orElseThrow(SalesErrors.MENU_LINK_UNKNOWN::exception)));
            String store = stores.profile(tenant.key())
                    .map(TenantRegistry.Profile::name)
                    .orElse("");
            boolean ordering =
                    Boolean.TRUE.equals(reads.execute(s -> settings.get().guestOrdering()));
            return new GuestMenu(store, table.name(), table.areaName(), ordering, categories(catalog.menu()));
        });
    }

    private static List<Category> categories(CatalogMenu.Menu menu) {
        Map<Long, List<Item>> byCategory = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        List<Item> other = new ArrayList<>();
        for (CatalogMenu.MenuItem i : menu.items()) {
            Item item = new Item(i.id(), i.name(), i.description(), i.price(), i.unit(), i.modifierGroups());
            if (i.categoryId() == null) {
                other.add(item);
            } else {
                byCategory
                        .computeIfAbsent(i.categoryId(), k -> new ArrayList<>())
                        .add(item);
                names.put(i.categoryId(), i.category());
            }
        }
        List<Category> categories = new ArrayList<>();
        byCategory.forEach((id, items) -> categories.add(new Category(id, names.get(id), List.copyOf(items))));
        if (!other.isEmpty()) {
            categories.add(new Category(null, Messages.get("sales.menu.other"), List.copyOf(other)));
        }
        return categories;
    }
}
