package dev.kassa.production.routing;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.PrintableText;
import dev.kassa.platform.validation.Quantity;
import dev.kassa.platform.validation.RequestRules;
import dev.kassa.platform.validation.Required;
import dev.kassa.production.ProductionErrors;
import dev.kassa.production.catalog.CatalogClient;
import dev.kassa.production.line.LineService;
import dev.kassa.production.line.LineView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Routings: what making each product takes, set by the store's owner and managers for a product catalog has; each
 * operation names a kind of line the store has, or one of its active lines. Planning reads them.
 */
@Service
public class RoutingService {

    /** A routing's operations, in the order they are done. */
    @DomainValidated
    record RoutingRequest(@NotEmpty @Size(max = 50) List<@Valid @NotNull OperationForm> operations) {}

    /** One operation: on a kind of line ({@code line_kind}) or on one line ({@code line}). */
    record OperationForm(
            @Required @Size(max = 200) @PrintableText String name,
            @Size(max = 100) @PrintableText String lineKind,
            @Positive Long line,
            @Min(0) @Max(10_080) Integer setupMinutes,
            @Required @Quantity(positive = true) BigDecimal runRate) {}

    private final RoutingRepository routings;
    private final LineService lines;
    private final CatalogClient catalog;
    private final RequestRules rules;

    RoutingService(RoutingRepository routings, LineService lines, CatalogClient catalog, RequestRules rules) {
        this.routings = routings;
        this.lines = lines;
        this.catalog = catalog;
        this.rules = rules;
    }

    @Transactional(readOnly = true)
    public List<Routing> list() {
        return List.copyOf(routings.find(null).values());
    }

    @Transactional(readOnly = true)
    public Routing get(long product) {
        return routings.find(product).orElseThrow(ProductionErrors.ROUTING_NOT_FOUND::exception);
    }

    /** The product's routing, if it has one (planning). */
    @Transactional(readOnly = true)
    public Optional<Routing> of(long product) {
        return routings.find(product);
    }

    /** The routings of {@code products} that have one, by product (planning). */
    @Transactional(readOnly = true)
    public java.util.Map<Long, Routing> of(java.util.Collection<Long> products) {
        return routings.find(List.copyOf(products));
    }

    /** Replaces the product's routing: its product confirmed by catalog, each operation's line or kind by the store's lines. */
    @Transactional
    Routing set(long product, RoutingRequest r, Caller caller) {
        FieldErrors errors = rules.check(r);
        List<LineView> active = lines.active();
        Set<Long> ids = active.stream().map(LineView::id).collect(Collectors.toSet());
        Set<String> kinds = active.stream()
                .map(l -> l.kind().toLowerCase(Locale.ROOT))
                .filter(k -> !k.isBlank())
                .collect(Collectors.toSet());
        List<OperationForm> forms = r.operations() == null ? List.of() : r.operations();
        for (int i = 0; i < forms.size(); i++) {
            OperationForm f = forms.get(i);
            if (f == null) {
                continue;
            }
            String at = "operations." + i + ".";
            String kind = f.lineKind() == null || f.lineKind().isBlank()
                    ? null
                    : f.lineKind().trim();
            if ((kind == null) == (f.line() == null)) {
                errors.add(at + "line_kind", "production.routing_where");
            } else if (f.line() != null && !ids.contains(f.line())) {
                errors.add(at + "line", "production.routing_line");
            } else if (kind != null && !kinds.contains(kind.toLowerCase(Locale.ROOT))) {
                errors.add(at + "line_kind", "production.routing_kind");
            }
        }
        errors.throwIfAny();
        CatalogClient.Product made =
                catalog.product(product).orElseThrow(ProductionErrors.PRODUCT_NOT_FOUND::exception);
        List<Routing.Operation> operations = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            OperationForm f = forms.get(i);
            String kind = f.lineKind() == null || f.lineKind().isBlank()
                    ? null
                    : f.lineKind().trim();
            operations.add(new Routing.Operation(
                    i + 1,
                    f.name().trim(),
                    kind,
                    kind == null ? f.line() : null,
                    f.setupMinutes() == null ? 0 : f.setupMinutes(),
                    f.runRate()));
        }
        routings.save(product, made.name(), made.unitShort(), operations, caller.userId());
        return get(product);
    }

    @Transactional
    void delete(long product) {
        if (!routings.delete(product)) {
            throw ProductionErrors.ROUTING_NOT_FOUND.exception();
        }
    }
}
