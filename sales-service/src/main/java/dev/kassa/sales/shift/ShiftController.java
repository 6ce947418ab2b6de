package dev.kassa.sales.shift;

import dev.kassa.platform.error.Messages;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.Map;

/** Shifts; every {@code sessions/} path also answers as {@code shifts/} (spec §5.4). */
@RestController
class ShiftController {

    record OpenRequest(BigDecimal openingBalance) { }

    private final ShiftService shifts;

    ShiftController(ShiftService shifts) {
        this.shifts = shifts;
    }

    @Operation(summary = "Open the caller's shift: {\"opening_balance\": 100000}")
    @PostMapping({"/api/sales/sessions/open", "/api/sales/shifts/open"})
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.SELL)
    Map<String, Object> open(@RequestBody OpenRequest request, Caller caller) {
        return Map.of("status", "success", "message", Messages.get("sales.session_opened"),
                "data", SessionView.from(shifts.open(caller, request.openingBalance())));
    }

    @Operation(summary = "The caller's open shift")
    @GetMapping({"/api/sales/sessions/current", "/api/sales/shifts/current"})
    @PreAuthorize(Access.SELL)
    Map<String, Object> current(Caller caller) {
        return Map.of("status", "success", "data", SessionView.from(shifts.current(caller)));
    }
}
