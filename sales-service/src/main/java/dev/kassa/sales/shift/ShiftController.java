package dev.kassa.sales.shift;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.validation.Money;
import dev.kassa.platform.validation.OneOf;
import dev.kassa.platform.web.NotServed;
import dev.kassa.platform.web.PageResponse;
import dev.kassa.platform.web.Success;
import dev.kassa.sales.SalesErrors;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;

/** Shifts; every {@code sessions/} path also answers as {@code shifts/} (spec §5.4). */
@RestController
class ShiftController {

    /** {@code opening_balance} as the seed documents send it; {@code opening_cash} as the original's generic create did. */
    record OpenRequest(BigDecimal openingBalance, BigDecimal openingCash, Long cashRegister) {
        BigDecimal opening() {
            return openingBalance != null ? openingBalance : openingCash;
        }
    }

    /** {@code actual_cash} counted, or the web client's {@code shortage} against the expected cash. */
    record CloseRequest(BigDecimal actualCash, BigDecimal shortage) {}

    record CashMovementRequest(
            @NotNull Long session,
            @NotNull(message = "sales.movement_type_invalid")
                    @OneOf(of = CashMovementKind.Type.class, message = "sales.movement_type_invalid")
                    String movementType,
            @ReasonByHand String reason,
            @NotNull(message = "validation.positive") @Money(positive = true, message = "validation.positive")
                    BigDecimal amount,
            @Size(max = 1000) String description) {}

    private final ShiftService shifts;
    private final CashDrawerService drawer;
    private final CashierLeaderboardService leaderboard;

    ShiftController(ShiftService shifts, CashDrawerService drawer, CashierLeaderboardService leaderboard) {
        this.shifts = shifts;
        this.drawer = drawer;
        this.leaderboard = leaderboard;
    }

    @Operation(
            summary =
                    "Open the caller's shift: {\"opening_balance\": 100000, \"cash_register\": 2?}; the main register by default; "
                            + "without opening_balance the register's starting_float (the web client opens with {})")
    @PostMapping("/api/sales/sessions/open")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.SELL)
    Success<SessionView> open(@Valid @RequestBody OpenRequest request, Caller caller) {
        return Success.of(
                "sales.session_opened",
                SessionView.from(shifts.open(caller, request.opening(), request.cashRegister())));
    }

    @Operation(
            summary =
                    "Close a shift with the counted cash: {\"actual_cash\": 250000}, or with {\"shortage\": 5000} against the expected cash "
                            + "(the web client); expected cash and the difference are recorded")
    @PostMapping("/api/sales/sessions/{id}/close")
    @PreAuthorize(Access.SELL)
    Success<SessionView> close(@PathVariable long id, @Valid @RequestBody CloseRequest request, Caller caller) {
        return Success.of(
                "sales.session_closed",
                SessionView.from(shifts.close(caller, id, request.actualCash(), request.shortage())));
    }

    @Operation(summary = "Shift report: sales, payments by method, refunds, cash movements, expected cash")
    @GetMapping("/api/sales/sessions/{id}/report")
    @PreAuthorize(Access.SELL)
    ShiftReport report(@PathVariable long id, Caller caller) {
        return shifts.report(caller, id);
    }

    @Operation(summary = "Put cash into or take it out of an open shift's till (manager or owner)")
    @PostMapping("/api/sales/cash-movements")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MANAGE_SALES)
    CashMovement moveCash(@Valid @RequestBody CashMovementRequest r, Caller caller) {
        return drawer.moveCash(caller, r.session(), r.movementType(), r.reason(), r.amount(), r.description());
    }

    record WithdrawRequest(
            @NotNull Long session,
            @NotNull(message = "validation.positive") @Money(positive = true, message = "validation.positive")
                    BigDecimal amount,
            @Size(max = 1000) String description) {}

    @Operation(
            summary =
                    "The owner or a manager takes cash out of an open shift's till (the original web client's withdraw): a cash-out "
                            + "with reason owner_withdraw, at most what the till holds (exceeds_limit with max_withdraw; insufficient_cash when empty)")
    @PostMapping("/api/sales/cash-movements/owner-withdraw")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MANAGE_SALES)
    Success<CashDrawerService.Withdrawal> ownerWithdraw(@Valid @RequestBody WithdrawRequest r, Caller caller) {
        return drawer.ownerWithdraw(caller, r.session(), r.amount(), r.description());
    }

    @Operation(
            summary =
                    "Cash movements, newest first: filters session, movement_type (cash_in, cash_out), reason; ordering created_at, "
                            + "amount; paginated; cashiers see their own shifts' movements")
    @GetMapping("/api/sales/cash-movements")
    @PreAuthorize(Access.SELL)
    PageResponse<CashMovement> cashMovements(
            @RequestParam(required = false) Long session,
            @RequestParam(name = "movement_type", required = false)
                    @OneOf(of = CashMovementKind.Type.class, message = "sales.movement_type_invalid")
                    String movementType,
            @RequestParam(required = false)
                    @OneOf(of = CashMovementKind.Reason.class, message = "sales.movement_reason_invalid")
                    String reason,
            @RequestParam(required = false) String ordering,
            PageRequest page,
            Caller caller) {
        return PageResponse.of(drawer.cashMovements(caller, session, movementType, reason, ordering, page), m -> m);
    }

    @Operation(summary = "One cash movement (cashiers: of their own shifts)")
    @GetMapping("/api/sales/cash-movements/{id}")
    @PreAuthorize(Access.SELL)
    CashMovement cashMovement(@PathVariable long id, Caller caller) {
        return drawer.cashMovement(caller, id);
    }

    @Hidden // answered 405 by design, listed in the service page
    @RequestMapping(
            value = "/api/sales/cash-movements/{id}",
            method = {RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
    @PreAuthorize(Access.SELL)
    @ResponseStatus(HttpStatus.METHOD_NOT_ALLOWED)
    void changeCashMovement(@PathVariable String id, HttpServletResponse response) {
        throw NotServed.because(response, SalesErrors.MOVEMENT_NOT_EDITABLE, "GET");
    }

    @Hidden // answered 405 by design, listed in the service page
    @RequestMapping(
            value = "/api/sales/sessions/{id}",
            method = {RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
    @PreAuthorize(Access.SELL)
    @ResponseStatus(HttpStatus.METHOD_NOT_ALLOWED)
    void changeSession(@PathVariable String id, HttpServletResponse response) {
        throw NotServed.because(response, SalesErrors.SESSION_NOT_EDITABLE, "GET");
    }

    @Operation(
            summary =
                    "Shifts, newest first: filters cash_register, status, search (cashier, register); ordering opened_at/closed_at; "
                            + "cashiers see their own")
    @GetMapping("/api/sales/sessions")
    @PreAuthorize(Access.SELL)
    PageResponse<SessionView> list(
            @RequestParam(name = "cash_register", required = false) Long register,
            @RequestParam(required = false) @OneOf(of = ShiftStatus.class) String status,
            @RequestParam(required = false) String search,
            @RequestParam(name = "cashier_name", required = false) String cashierName,
            @RequestParam(required = false) String ordering,
            PageRequest page,
            Caller caller) {
        return PageResponse.of(
                shifts.list(caller, register, status, search != null ? search : cashierName, ordering, page),
                SessionView::from);
    }

    @Operation(summary = "Shifts that are open or suspended now")
    @GetMapping("/api/sales/sessions/active")
    @PreAuthorize(Access.SELL)
    PageResponse<SessionView> active(PageRequest page, Caller caller) {
        return PageResponse.of(shifts.list(caller, null, "open", null, null, page), SessionView::from);
    }

    @Operation(summary = "Shift detail with its cash movements")
    @GetMapping("/api/sales/sessions/{id}")
    @PreAuthorize(Access.SELL)
    SessionDetail get(@PathVariable long id, Caller caller) {
        return shifts.detail(caller, id);
    }

    @Operation(summary = "Put an open shift on hold (a break): no sales until it is resumed")
    @PostMapping("/api/sales/sessions/{id}/suspend")
    @PreAuthorize(Access.SELL)
    SessionView suspend(@PathVariable long id, Caller caller) {
        return SessionView.from(shifts.suspend(caller, id));
    }

    @Operation(summary = "Resume a suspended shift")
    @PostMapping("/api/sales/sessions/{id}/resume")
    @PreAuthorize(Access.SELL)
    SessionView resume(@PathVariable long id, Caller caller) {
        return SessionView.from(shifts.resume(caller, id));
    }

    @Operation(
            summary =
                    "Cashier leaderboard: date_from, date_to (YYYY-MM-DD in the store's time zone, or ISO date-time), limit; "
                            + "manager or owner")
    @GetMapping("/api/sales/sessions/cashier-stats")
    @PreAuthorize(Access.MANAGE_SALES)
    Success<CashierLeaderboardService.CashierStats> cashierStats(
            @RequestParam(name = "date_from", required = false) String from,
            @RequestParam(name = "date_to", required = false) String to,
            @RequestParam(required = false) String limit) {
        return Success.of(leaderboard.of(from, to, limit));
    }

    @Operation(summary = "The caller's open shift")
    @GetMapping("/api/sales/sessions/current")
    @PreAuthorize(Access.SELL)
    Success<SessionView> current(Caller caller) {
        return Success.of(SessionView.from(shifts.current(caller)));
    }

    @Operation(summary = "Shifts of a register: filter status; paginated")
    @GetMapping("/api/sales/cash-registers/{id}/sessions")
    @PreAuthorize(Access.SELL)
    PageResponse<SessionView> sessions(
            @PathVariable long id,
            @RequestParam(required = false) @OneOf(of = ShiftStatus.class) String status,
            PageRequest page,
            Caller caller) {
        return PageResponse.of(shifts.ofRegister(caller, id, status, page), SessionView::from);
    }

    @Operation(summary = "The open shift of a register, with its cash movements")
    @GetMapping("/api/sales/cash-registers/{id}/current_session")
    @PreAuthorize(Access.SELL)
    SessionDetail currentSession(@PathVariable long id) {
        return shifts.currentOfRegister(id);
    }
}
