package dev.kassa.sales.kitchen;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.Tenant;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.validation.Required;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.LocalDate;
import java.util.List;

/**
 * The kitchen screen (issue 65 point 5): its tickets by station, moved along by the kitchen, the waiters who serve and
 * whoever sells; live as Server-Sent Events; where each category is made (managers); how long the kitchen takes.
 */
@RestController
@RequestMapping("/api/sales/kitchen")
class KitchenController {

    /** A ticket's next status: accepted, cooking, ready, served or cancelled. */
    record StatusRequest(@Required String status) {}

    private final KitchenService kitchen;
    private final KitchenFeed feed;

    KitchenController(KitchenService kitchen, KitchenFeed feed) {
        this.kitchen = kitchen;
        this.feed = feed;
    }

    @Operation(
            summary = "The kitchen's tickets, oldest first: station (kitchen, bar…; every station without it), status "
                    + "(default: new, accepted, cooking and ready), limit 1-500 (200)")
    @GetMapping("/tickets")
    @PreAuthorize(Access.KITCHEN)
    List<KitchenTicketRepository.Ticket> tickets(
            @RequestParam(required = false) String station,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer limit) {
        return kitchen.tickets(station, status, limit);
    }

    @Operation(summary = "One ticket with its dishes and when it reached each status")
    @GetMapping("/tickets/{id}")
    @PreAuthorize(Access.KITCHEN)
    KitchenTicketRepository.Ticket ticket(@PathVariable long id) {
        return kitchen.ticket(id);
    }

    @Operation(
            summary = "Move a ticket on: {status: accepted|cooking|ready|served|cancelled}; only forward (409 "
                    + "ticket_status_invalid), cancelled before ready and by the kitchen or a manager only")
    @PostMapping("/tickets/{id}/status")
    @PreAuthorize(Access.KITCHEN)
    KitchenTicketRepository.Ticket move(
            @PathVariable long id, @Valid @RequestBody StatusRequest request, Caller caller) {
        return kitchen.move(caller, id, request.status());
    }

    @Operation(
            summary = "The kitchen screen's live feed (Server-Sent Events): ready, then ticket (a new ticket with its "
                    + "dishes) and ticket_changed (status) events of the station (one of the store's: kitchen, a "
                    + "route's, or one with tickets in the kitchen; every station without it), a heartbeat comment "
                    + "every 15 s, end when the token expires or is revoked; up to 16 open per store and instance by "
                    + "default, then 429 too_many_streams")
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize(Access.KITCHEN)
    SseEmitter stream(@RequestParam(required = false) String station, @AuthenticationPrincipal Jwt token) {
        return feed.open(TenantContext.require().key(), kitchen.screenStation(station), token);
    }

    @Operation(summary = "Where each category's dishes are made: {routes: [{category, station}]}; others go to kitchen")
    @GetMapping("/routes")
    @PreAuthorize(Access.KITCHEN)
    KitchenService.Routes routes() {
        return kitchen.routes();
    }

    @Operation(summary = "Replace the kitchen's routes, e.g. {\"routes\": [{\"category\": 4, \"station\": \"bar\"}]}")
    @PutMapping("/routes")
    @PreAuthorize(Access.MANAGE_SALES)
    KitchenService.Routes replaceRoutes(@Valid @RequestBody KitchenService.Routes routes) {
        return kitchen.replaceRoutes(routes);
    }

    @Operation(
            summary =
                    "How long the kitchen took (tickets made ready between start_date and end_date, the last 30 days by "
                            + "default): per station and per product, the count and the average and longest seconds from the "
                            + "order to ready. Managers and owners")
    @GetMapping("/report")
    @PreAuthorize(Access.MANAGE_SALES)
    KitchenService.Report report(
            @RequestParam(name = "start_date", required = false) String start,
            @RequestParam(name = "end_date", required = false) String end) {
        Tenant tenant = TenantContext.require();
        FieldErrors errors = new FieldErrors();
        LocalDate to = date(errors, "end_date", end, tenant.today());
        LocalDate from = date(errors, "start_date", start, to.minusDays(29));
        if (from.isAfter(to) || from.plusDays(366).isBefore(to)) {
            errors.add("start_date", "validation.invalid");
        }
        errors.throwIfAny();
        return kitchen.report(from, to);
    }

    private static LocalDate date(FieldErrors errors, String field, String value, LocalDate fallback) {
        LocalDate date = errors.date(field, value);
        return date == null ? fallback : date;
    }
}
