package dev.kassa.production.line;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.security.Role;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.Filled;
import dev.kassa.platform.validation.Money;
import dev.kassa.platform.validation.OneOf;
import dev.kassa.platform.validation.PrintableText;
import dev.kassa.platform.validation.RequestRules;
import dev.kassa.platform.validation.Required;
import dev.kassa.platform.validation.Whole;
import dev.kassa.production.ProductionErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The store's lines: set up by its owner and managers (a code unique in the store, a name, a kind, the store whose stock
 * it works with, a cost per hour, a calendar), their status moved by whoever works on the floor, every move kept with who
 * and why and announced ({@link LineStatusChanged}).
 */
@Service
public class LineService {

    /** A line's fields: a new one needs its code and name; a PATCH changes the fields given. */
    @DomainValidated
    record LineRequest(
            @Required(groups = Whole.class)
                    @Filled
                    @Size(max = 32)
                    @Pattern(regexp = "[A-Za-z0-9А-Яа-яЁё][A-Za-z0-9А-Яа-яЁё._-]*", message = "production.line_code")
                    String code,
            @Required(groups = Whole.class) @Filled @Size(max = 200) @PrintableText String name,
            @Size(max = 100) @PrintableText String kind,
            @Size(max = 80) String stockStore,
            @Money BigDecimal costPerHour,
            @Valid Calendar calendar,
            Boolean isActive) {}

    /** A status for a line: {@code down} needs its reason. */
    @DomainValidated
    record StatusRequest(
            @Required @OneOf(of = LineStatus.class, message = "production.line_status_value") String status,
            @Size(max = 500) @PrintableText String reason) {}

    private static final Set<Role> RUN_STORES = Set.of(Role.OWNER, Role.MANAGER);

    private final LineRepository lines;
    private final RequestRules rules;
    private final OutboxPublisher outbox;

    LineService(LineRepository lines, RequestRules rules, OutboxPublisher outbox) {
        this.lines = lines;
        this.rules = rules;
        this.outbox = outbox;
    }

    @Transactional(readOnly = true)
    public List<LineView> list(String status, String kind, Boolean active, String search, Caller caller) {
        LineStatus which = status == null
                ? null
                : LineStatus.parse(status)
                        .orElseThrow(() -> FieldErrors.single("status", "production.line_status_value"));
        List<LineRepository.Row> rows = lines.list(which, kind, active, search);
        Map<Long, Calendar> calendars =
                lines.calendars(rows.stream().map(LineRepository.Row::id).toList());
        return rows.stream()
                .map(r -> LineView.of(r, calendars.get(r.id()), caller))
                .toList();
    }

    /** The store's active lines with their calendars (for routings and planning, which see costs). */
    @Transactional(readOnly = true)
    public List<LineView> active() {
        List<LineRepository.Row> rows = lines.list(null, null, true, null);
        Map<Long, Calendar> calendars =
                lines.calendars(rows.stream().map(LineRepository.Row::id).toList());
        return rows.stream()
                .map(r -> LineView.of(r, calendars.get(r.id()), null))
                .toList();
    }

    @Transactional(readOnly = true)
    public LineView get(long id, Caller caller) {
        LineRepository.Row row = lines.find(id).orElseThrow(ProductionErrors.LINE_NOT_FOUND::exception);
        return LineView.of(row, lines.calendars(List.of(id)).get(id), caller);
    }

    @Transactional
    LineView create(LineRequest r, Caller caller) {
        FieldErrors errors = rules.check(r, true);
        String code = r.code() == null ? null : r.code().trim();
        String store = r.stockStore() == null ? TenantContext.require().key() : r.stockStore();
        checkStore(store, caller, errors);
        calendarOf(r).check("calendar", errors);
        errors.throwIfAny();
        if (lines.codeTaken(code, null)) {
            throw ProductionErrors.LINE_CODE_TAKEN.exception(code);
        }
        long id;
        try {
            id = lines.insert(new LineRepository.Fields(
                    code,
                    r.name().trim(),
                    r.kind() == null ? "" : r.kind().trim(),
                    store,
                    r.costPerHour(),
                    r.isActive() == null || r.isActive()));
        } catch (DuplicateKeyException raced) {
            throw ProductionErrors.LINE_CODE_TAKEN.exception(code);
        }
        lines.calendar(id, calendarOf(r));
        lines.history(id, LineStatus.IDLE, null, caller.userId(), Instant.now());
        return get(id, caller);
    }

    /** Changes the fields given; a calendar given replaces the line's whole calendar. */
    @Transactional
    LineView update(long id, LineRequest r, Caller caller) {
        LineRepository.Row now = lines.lock(id).orElseThrow(ProductionErrors.LINE_NOT_FOUND::exception);
        FieldErrors errors = rules.check(r, false);
        String code = r.code() == null ? now.code() : r.code().trim();
        String store = r.stockStore() == null ? now.stockStore() : r.stockStore();
        if (r.stockStore() != null) {
            checkStore(store, caller, errors);
        }
        if (r.calendar() != null) {
            r.calendar().check("calendar", errors);
        }
        errors.throwIfAny();
        if (!code.equalsIgnoreCase(now.code()) && lines.codeTaken(code, id)) {
            throw ProductionErrors.LINE_CODE_TAKEN.exception(code);
        }
        try {
            lines.update(
                    id,
                    new LineRepository.Fields(
                            code,
                            r.name() == null ? now.name() : r.name().trim(),
                            r.kind() == null ? now.kind() : r.kind().trim(),
                            store,
                            r.costPerHour() == null ? now.costPerHour() : r.costPerHour(),
                            r.isActive() == null ? now.isActive() : r.isActive()));
        } catch (DuplicateKeyException raced) {
            throw ProductionErrors.LINE_CODE_TAKEN.exception(code);
        }
        if (r.calendar() != null) {
            lines.calendar(id, r.calendar());
        }
        return get(id, caller);
    }

    /**
     * The line's status becomes the one given (refused as {@link LineStatus#moveTo} says; {@code down} needs a reason);
     * the same status again changes nothing and announces nothing.
     */
    @Transactional
    public LineView status(long id, StatusRequest r, Caller caller) {
        FieldErrors errors = rules.check(r);
        LineStatus next = errors.isEmpty() ? LineStatus.of(r.status()) : null;
        String reason =
                r.reason() == null || r.reason().isBlank() ? null : r.reason().trim();
        if (next == LineStatus.DOWN && reason == null) {
            errors.add("reason", "production.line_down_reason");
        }
        errors.throwIfAny();
        LineRepository.Row now = lines.lock(id).orElseThrow(ProductionErrors.LINE_NOT_FOUND::exception);
        if (now.status() == next) {
            return get(id, caller);
        }
        now.status().moveTo(next);
        Instant at = Instant.now();
        lines.status(id, next, reason, caller.userId(), at);
        outbox.publish(
                TenantContext.require().key(),
                new LineStatusChanged(id, now.code(), now.status().code(), next.code(), reason, caller.userId(), at));
        return get(id, caller);
    }

    @Transactional(readOnly = true)
    public Page<LineRepository.Change> history(long id, Pageable page) {
        if (lines.find(id).isEmpty()) {
            throw ProductionErrors.LINE_NOT_FOUND.exception();
        }
        return lines.history(id, page);
    }

    private static Calendar calendarOf(LineRequest r) {
        return r.calendar() == null ? Calendar.ALWAYS : r.calendar();
    }

    /** The store whose stock a line works with: this one, or another the caller runs (owner or manager there). */
    private static void checkStore(String store, Caller caller, FieldErrors errors) {
        if (!store.equals(TenantContext.require().key())
                && caller.roleIn(store).filter(RUN_STORES::contains).isEmpty()) {
            errors.add("stock_store", "production.stock_store");
        }
    }
}
