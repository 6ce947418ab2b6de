package dev.kassa.sales.order;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.validation.PrintableText;
import dev.kassa.platform.validation.Quantity;
import dev.kassa.platform.validation.Required;
import dev.kassa.sales.SalesErrors;
import dev.kassa.sales.catalog.CatalogClient;
import dev.kassa.sales.catalog.CatalogMenu;
import dev.kassa.sales.catalog.Modifier;
import dev.kassa.sales.floor.MenuLinkService;
import dev.kassa.sales.floor.TableService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Guests ordering from their table's menu (issue 65 point 6), when the store lets them: their lines join the table's open
 * order (one is opened for them when it has none) as {@code awaiting}, neither sent to the kitchen nor billed until a
 * waiter confirms them. A guest learns only what they ordered: no order, no other line, nothing else of the store. A
 * table holds at most {@code kassa.sales.guest-orders.max-waiting-lines} waiting lines (429 {@code
 * too_many_waiting_lines} past it: one photo of the table's code cannot flood it), and its waiting lines leave with the
 * order when it is paid or cancelled, so the next guests at the table start with none (issue 84 point 6).
 */
@Service
class GuestOrderService {

    /** At most this many of a dish in one line, and this many lines, from a guest at once. */
    static final int MOST = 20;

    record GuestOrderRequest(@NotEmpty @Size(max = MOST) List<@Valid GuestLine> items) {}

    record GuestLine(
            @Required Long product,
            @Quantity(positive = true, max = Quantity.Max.LINE) BigDecimal quantity,
            @Size(max = 20) List<Long> modifiers,
            @Size(max = 200) @PrintableText(multiline = true) String note) {}

    /** What the guest ordered, as the table's page confirms it: names, quantities, prices; a waiter confirms it next. */
    record GuestOrder(String table, String status, List<OrderedLine> items) {}

    record OrderedLine(String name, BigDecimal quantity, BigDecimal price, List<String> modifiers, String note) {}

    private final MenuLinkService links;
    private final TableService tables;
    private final OrderRepository orders;
    private final OrderItemRepository items;
    private final CatalogClient catalog;
    private final GuestOrderProperties properties;
    private final TransactionTemplate tx;

    GuestOrderService(
            MenuLinkService links,
            TableService tables,
            OrderRepository orders,
            OrderItemRepository items,
            CatalogClient catalog,
            GuestOrderProperties properties,
            TransactionTemplate tx) {
        this.links = links;
        this.tables = tables;
        this.orders = orders;
        this.items = items;
        this.catalog = catalog;
        this.properties = properties;
        this.tx = tx;
    }

    GuestOrder order(String token, GuestOrderRequest r) {
        MenuLinkService.Opened link = links.open(token);
        return TenantContext.call(link.tenant(), () -> {
            checkQuantities(r);
            // a table that has all the waiting lines it may is refused before catalog is asked anything
            tx.executeWithoutResult(s -> orders.openAt(allowed(link.tableId()).id())
                    .ifPresent(open -> roomFor(open, r.items().size())));
            // what the menu offers now with the options chosen, priced in one call before anything is locked
            List<CatalogMenu.PricedLine> menu = priced(r);
            return Objects.requireNonNull(tx.execute(s -> add(link.tableId(), r, menu)));
        });
    }

    /** 400 for a line without its dish, or with more of it than a guest orders at once. */
    private static void checkQuantities(GuestOrderRequest r) {
        FieldErrors errors = new FieldErrors();
        for (int i = 0; i < r.items().size(); i++) {
            GuestLine line = r.items().get(i);
            if (line == null) {
                errors.required("items." + i + ".product");
            } else if (line.quantity() != null && line.quantity().compareTo(BigDecimal.valueOf(MOST)) > 0) {
                errors.add("items." + i + ".quantity", "sales.guest_line_quantity");
            }
        }
        errors.throwIfAny();
    }

    /** The lines priced as the menu offers them now; 400 naming each dish it does not offer. */
    private List<CatalogMenu.PricedLine> priced(GuestOrderRequest r) {
        List<CatalogMenu.PricedLine> menu = catalog.price(
                r.items().stream()
                        .map(l -> new CatalogMenu.MenuLine(
                                l.product(), l.modifiers() == null ? List.of() : l.modifiers()))
                        .toList(),
                "items");
        FieldErrors errors = new FieldErrors();
        for (int i = 0; i < r.items().size(); i++) {
            if (menu.get(i).item() == null) {
                errors.add("items." + i + ".product", "sales.order_item_unavailable");
            }
        }
        errors.throwIfAny();
        return menu;
    }

    /**
     * The guest's lines join the table's open order (one is opened for them when it has none) as waiting for a waiter,
     * in the caller's transaction.
     */
    private GuestOrder add(long tableId, GuestOrderRequest r, List<CatalogMenu.PricedLine> menu) {
        TableService.Table table = allowed(tableId);
        long order = orders.openAt(table.id())
                .orElseGet(() -> orders.create(new OrderRepository.Fields(
                        table.id(), DiningOption.HERE.code(), OrderRepository.NO_WAITER, "", 0, "")));
        OrderService.requireOpen(orders.lock(order));
        roomFor(order, r.items().size());
        List<OrderedLine> ordered = new ArrayList<>();
        for (int i = 0; i < r.items().size(); i++) {
            ordered.add(addLine(order, r.items().get(i), menu.get(i)));
        }
        return new GuestOrder(table.name(), OrderItemStatus.AWAITING.code(), ordered);
    }

    /** Adds a guest's line, priced as the menu offers it now, to the order; what the guest's page confirms of it. */
    private OrderedLine addLine(long order, GuestLine line, CatalogMenu.PricedLine priced) {
        CatalogMenu.MenuItem dish = priced.item();
        List<Modifier> chosen = priced.modifiers();
        BigDecimal price = dish.price().add(Modifier.sum(chosen));
        BigDecimal quantity =
                (line.quantity() == null ? BigDecimal.ONE : line.quantity()).setScale(3, RoundingMode.UNNECESSARY);
        String note = line.note() == null ? "" : line.note().trim();
        items.add(
                order,
                new OrderItemRepository.Ordered(
                        dish.id(), dish.name(), dish.categoryId(), price, quantity, note, chosen),
                true);
        return new OrderedLine(
                dish.name(),
                quantity,
                price,
                chosen.stream().map(Modifier::name).toList(),
                note);
    }

    /**
     * 429 {@code too_many_waiting_lines} when {@code lines} more would take the order's lines waiting for a waiter past
     * the limit.
     */
    private void roomFor(long order, int lines) {
        int most = properties.maxWaitingLines();
        if (items.waiting(order) + lines > most) {
            throw SalesErrors.TOO_MANY_WAITING_LINES.exception(most);
        }
    }

    /** The table, its row locked, if the store takes guests' orders and the table is in use. */
    private TableService.Table allowed(long tableId) {
        if (!tables.guestOrdering()) {
            throw SalesErrors.GUEST_ORDERING_OFF.exception();
        }
        return tables.lockActive(tableId).orElseThrow(SalesErrors.MENU_LINK_UNKNOWN::exception);
    }
}
