package dev.kassa.catalog.catalogue.product;

import dev.kassa.catalog.catalogue.modifier.ModifierChoice;
import dev.kassa.catalog.catalogue.modifier.ModifierService;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.tenancy.TenantProvisioner;
import dev.kassa.platform.validation.Required;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The guests' menu of a store that sales names (no user behind the call: the store's context is set here). */
@Service
class ProductMenuService {

    /** The store's menu, in the order a guest reads it. */
    record Menu(List<ProductMenuRepository.MenuItem> items) {}

    /** A line an order would take: a dish and the options of its modifier groups chosen. */
    record MenuLine(@Required Long product, @Size(max = 20) List<Long> modifiers) {}

    /**
     * A line priced: the dish as the menu offers it now (null when it offers it no longer) and the options chosen, with
     * their prices now.
     */
    record PricedLine(ProductMenuRepository.MenuItem item, List<ModifierChoice> modifiers) {}

    private final ProductMenuRepository menu;
    private final TenantProvisioner tenants;
    private final ModifierService modifiers;
    private final TransactionTemplate tx;

    ProductMenuService(
            ProductMenuRepository menu, TenantProvisioner tenants, ModifierService modifiers, TransactionTemplate tx) {
        this.menu = menu;
        this.tenants = tenants;
        this.modifiers = modifiers;
        this.tx = tx;
    }

    /** The store's menu; only the products {@code ids} names when it names any. */
    Menu of(String store, List<Long> ids) {
        return TenantContext.call(tenants.ensureReady(store), () -> new Menu(menu.items(ids)));
    }

    /**
     * Lines an order would take, priced by the menu of now: each dish the menu offers (a line's {@code item} null when it
     * does not) with the options it chose, checked as a till's hold checks them (a 400 on {@code lines.<i>.modifiers}).
     */
    List<PricedLine> price(String store, List<MenuLine> lines) {
        return TenantContext.call(
                tenants.ensureReady(store),
                () -> tx.execute(s -> {
                    Map<Long, ProductMenuRepository.MenuItem> offered = new HashMap<>();
                    menu.items(lines.stream().map(MenuLine::product).distinct().toList())
                            .forEach(i -> offered.put(i.id(), i));
                    List<List<ModifierChoice>> chosen = modifiers.choose(
                            lines.stream()
                                    .map(l -> new ModifierService.Wanted(
                                            l.product(),
                                            l.modifiers() == null ? List.of() : l.modifiers(),
                                            offered.containsKey(l.product()),
                                            false))
                                    .toList(),
                            i -> "lines." + i + ".modifiers");
                    List<PricedLine> priced = new ArrayList<>();
                    for (int i = 0; i < lines.size(); i++) {
                        priced.add(new PricedLine(offered.get(lines.get(i).product()), chosen.get(i)));
                    }
                    return priced;
                }));
    }
}
