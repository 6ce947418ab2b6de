package dev.kassa.production.line;

import dev.kassa.platform.security.Access;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The store's work centres (issue 87 point 1): MPSYSTEM's production lines. */
@RestController
@RequestMapping("/api/production/lines")
class LineController {

    /** The store's lines by code. */
    record Lines(int count, List<LineView> results) {}

    private final LineService lines;

    LineController(LineService lines) {
        this.lines = lines;
    }

    @Operation(
            summary = "The store's lines by code: filters status (idle, setup, running, down), kind, is_active; search "
                    + "code and name")
    @GetMapping
    @PreAuthorize(Access.READ_PRODUCTION)
    Lines list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind,
            @RequestParam(name = "is_active", required = false) Boolean active,
            @RequestParam(required = false) String search,
            Caller caller) {
        List<LineView> found = lines.list(status, kind, active, search, caller);
        return new Lines(found.size(), found);
    }

    @Operation(summary = "One line with its calendar and status")
    @GetMapping("/{id}")
    @PreAuthorize(Access.READ_PRODUCTION)
    LineView get(@PathVariable long id, Caller caller) {
        return lines.get(id, caller);
    }

    @Operation(
            summary =
                    "Add a line (owner, manager): {code (unique in the store), name, kind?, stock_store? (this store or "
                            + "another you run), cost_per_hour?, calendar? {hours: [{weekday 1-7, opens, closes}], "
                            + "closed_days: [{date, reason?}]}, is_active?}; it starts idle")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MANAGE_PRODUCTION)
    LineView create(@RequestBody LineService.LineRequest r, Caller caller) {
        return lines.create(r, caller);
    }

    @Operation(summary = "Change the fields given (owner, manager); a calendar given replaces the line's calendar")
    @PatchMapping("/{id}")
    @PreAuthorize(Access.MANAGE_PRODUCTION)
    LineView patch(@PathVariable long id, @RequestBody LineService.LineRequest r, Caller caller) {
        return lines.update(id, r, caller);
    }

    @Operation(
            summary = "Set the line's status (operators, owner, manager): {status: idle | setup | running | down, "
                    + "reason (required for down)}; a line that is down comes back idle first; kept in its history")
    @PostMapping("/{id}/status")
    @PreAuthorize(Access.OPERATE_PRODUCTION)
    LineView status(@PathVariable long id, @RequestBody LineService.StatusRequest r, Caller caller) {
        return lines.status(id, r, caller);
    }

    @Operation(summary = "The line's status history, latest first: each status with its reason, who and when")
    @GetMapping("/{id}/history")
    @PreAuthorize(Access.READ_PRODUCTION)
    PageResponse<LineRepository.Change> history(@PathVariable long id, PageRequest page) {
        return PageResponse.of(lines.history(id, page), c -> c);
    }
}
