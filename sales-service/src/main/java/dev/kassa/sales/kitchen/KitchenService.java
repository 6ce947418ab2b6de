package dev.kassa.sales.kitchen;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.validation.Required;
import dev.kassa.sales.SalesErrors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The kitchen's rules: a round becomes one ticket per station (a category's route, else {@code kitchen}); a ticket moves
 * only forward, and only the kitchen and managers cancel one (the dishes it had are then not billed); every move is told
 * as {@link KitchenTicketChanged}, which the screens of every instance show.
 */
@Service
public class KitchenService {

    /** Where a category without a route is made. */
    public static final String DEFAULT_STATION = "kitchen";

    static final String STATION = "[a-z][a-z0-9_]{1,19}";

    /** A dish of a round, as the order hands it over. */
    public record RoundDish(long item, Long categoryId) {}

    /** A ticket made for a round: its station and the order lines it carries. */
    public record Sent(long ticketId, String station, List<Long> items) {}

    /** The kitchen's routes as the API takes and shows them. */
    record Routes(@Required List<KitchenRouteRepository.Route> routes) {}

    /** How long the kitchen took over a period: per station and per product. */
    record Report(
            LocalDate startDate,
            LocalDate endDate,
            List<KitchenTicketRepository.Preparation> stations,
            List<KitchenTicketRepository.Preparation> products) {}

    private static final Set<TicketStatus> ACTIVE =
            Set.of(TicketStatus.NEW, TicketStatus.ACCEPTED, TicketStatus.COOKING, TicketStatus.READY);

    private final KitchenTicketRepository tickets;
    private final KitchenRouteRepository routes;
    private final OrderLines lines;
    private final OutboxPublisher outbox;
    private final KitchenFeed feed;
    private final ObjectMapper json;

    KitchenService(
            KitchenTicketRepository tickets,
            KitchenRouteRepository routes,
            OrderLines lines,
            OutboxPublisher outbox,
            KitchenFeed feed,
            ObjectMapper json) {
        this.tickets = tickets;
        this.routes = routes;
        this.lines = lines;
        this.outbox = outbox;
        this.feed = feed;
        this.json = json;
    }

    /**
     * Shows a round sent in the caller's transaction ({@code sent}: its {@code OrderSentToKitchen}) on this instance's
     * screens as soon as the transaction commits, without waiting for the event to come back from Kafka (the other
     * instances' screens get it from there).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void showWhenCommitted(Object sent) {
        String store = TenantContext.require().key();
        KitchenFeed.Round round = json.convertValue(sent, KitchenFeed.Round.class);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                feed.sent(store, round);
            }
        });
    }

    /** Makes the round's tickets, one per station, inside the caller's transaction; the order points its lines at them. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Sent> send(long orderId, int round, String table, List<RoundDish> dishes) {
        Map<Long, String> stations = routes.of(dishes.stream()
                .map(RoundDish::categoryId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        Map<String, List<Long>> byStation = new LinkedHashMap<>();
        for (RoundDish d : dishes) {
            String station = d.categoryId() == null ? null : stations.get(d.categoryId());
            byStation
                    .computeIfAbsent(station == null ? DEFAULT_STATION : station, k -> new ArrayList<>())
                    .add(d.item());
        }
        List<Sent> sent = new ArrayList<>();
        byStation.forEach((station, items) ->
                sent.add(new Sent(tickets.create(orderId, round, station, table), station, List.copyOf(items))));
        return sent;
    }

    /**
     * The order moved to another table: the tickets of its lines say so (those it took in by a merge or a split
     * included), inside the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void retable(long orderId, String table) {
        List<Long> ids = lines.ticketsOf(orderId);
        if (!ids.isEmpty()) {
            tickets.retable(ids, table);
        }
    }

    @Transactional(readOnly = true)
    List<KitchenTicketRepository.Ticket> tickets(String station, String status, Integer limit) {
        FieldErrors errors = new FieldErrors();
        String s = station(errors, station);
        Set<TicketStatus> statuses = ACTIVE;
        if (status != null && !status.isBlank()) {
            statuses = TicketStatus.of(status.trim()).map(Set::of).orElse(null);
            if (statuses == null) {
                errors.add("status", "sales.ticket_status_unknown");
            }
        }
        if (limit != null && (limit < 1 || limit > 500)) {
            errors.add("limit", "validation.invalid");
        }
        errors.throwIfAny();
        return withDishes(tickets.list(s, statuses, limit == null ? 200 : limit));
    }

    @Transactional(readOnly = true)
    KitchenTicketRepository.Ticket ticket(long id) {
        KitchenTicketRepository.Ticket ticket = tickets.find(id).orElseThrow(SalesErrors.TICKET_NOT_FOUND::exception);
        return withDishes(List.of(ticket)).get(0);
    }

    /** The tickets with their dishes, which the order answers. */
    private List<KitchenTicketRepository.Ticket> withDishes(List<KitchenTicketRepository.Ticket> found) {
        if (found.isEmpty()) {
            return found;
        }
        Map<Long, List<OrderLines.Dish>> dishes = lines.dishes(
                found.stream().map(KitchenTicketRepository.Ticket::id).toList());
        return found.stream()
                .map(t -> t.withItems(dishes.getOrDefault(t.id(), List.of())))
                .toList();
    }

    /** Moves a ticket on; the kitchen and managers may cancel one that is not ready yet. */
    @Transactional
    KitchenTicketRepository.Ticket move(Caller caller, long id, String status) {
        TicketStatus next = status == null
                ? null
                : TicketStatus.of(status.trim())
                        .filter(s -> s != TicketStatus.NEW)
                        .orElse(null);
        if (next == null) {
            throw FieldErrors.single("status", "sales.ticket_status_unknown");
        }
        KitchenTicket ticket = tickets.lock(id).orElseThrow(SalesErrors.TICKET_NOT_FOUND::exception);
        if (!ticket.move(next, caller, () -> lines.billedOrClosed(id))) {
            return ticket(id);
        }
        return moved(id, ticket.status());
    }

    /** The order was cancelled: what the kitchen has not made yet is cancelled, inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void cancelOrder(long orderId) {
        List<Long> ids = lines.ticketsOf(orderId);
        if (!ids.isEmpty()) {
            tickets.unmade(ids).forEach(id -> moved(id, TicketStatus.CANCELLED));
        }
    }

    private KitchenTicketRepository.Ticket moved(long id, TicketStatus next) {
        tickets.move(id, next);
        KitchenTicketRepository.Ticket t = ticket(id);
        outbox.publish(
                TenantContext.require().key(),
                new KitchenTicketChanged(
                        t.id(), t.order(), t.round(), t.station(), t.status(), t.tableName(), Instant.now()));
        return t;
    }

    @Transactional(readOnly = true)
    Routes routes() {
        return new Routes(routes.all());
    }

    /** Replaces the kitchen's routes: each category at most once, each station a plain code. */
    @Transactional
    Routes replaceRoutes(Routes r) {
        FieldErrors errors = new FieldErrors();
        List<KitchenRouteRepository.Route> given = r == null || r.routes() == null ? List.of() : r.routes();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            KitchenRouteRepository.Route route = given.get(i);
            if (route == null || route.category() <= 0) {
                errors.add("routes." + i + ".category", "validation.invalid");
            } else if (!seen.add(route.category())) {
                errors.add("routes." + i + ".category", "sales.route_category_twice");
            }
            if (route != null && (route.station() == null || !route.station().matches(STATION))) {
                errors.add("routes." + i + ".station", "sales.station_invalid");
            }
        }
        errors.throwIfAny();
        routes.replace(given);
        return routes();
    }

    /** The tickets made from {@code from} to {@code to}, the store's own dates (its day's start to the next's). */
    @Transactional(readOnly = true)
    Report report(LocalDate from, LocalDate to) {
        ZoneId zone = TenantContext.require().zone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<KitchenTicketRepository.Ready> ready = tickets.ready(start, end);
        List<OrderLines.Line> made = ready.isEmpty()
                ? List.of()
                : lines.lines(
                        ready.stream().map(KitchenTicketRepository.Ready::id).toList());
        return new Report(from, to, tickets.byStation(start, end), PreparationByProduct.of(ready, made));
    }

    /**
     * The station a kitchen screen shows (null: every station): one the store makes dishes at, the default one, one a
     * route names, or one with tickets still in the kitchen (its route just removed); another is refused naming
     * {@code station}.
     */
    @Transactional(readOnly = true)
    String screenStation(String station) {
        FieldErrors errors = new FieldErrors();
        String s = station(errors, station);
        errors.throwIfAny();
        if (s != null && !DEFAULT_STATION.equals(s) && !routes.routeTo(s) && !tickets.inKitchen(s)) {
            throw FieldErrors.single("station", "sales.station_unknown");
        }
        return s;
    }

    /** A station named in a query: a plain code, or none (every station). */
    static String station(FieldErrors errors, String station) {
        if (station == null || station.isBlank()) {
            return null;
        }
        if (!station.trim().matches(STATION)) {
            errors.add("station", "sales.station_invalid");
            return null;
        }
        return station.trim();
    }
}
