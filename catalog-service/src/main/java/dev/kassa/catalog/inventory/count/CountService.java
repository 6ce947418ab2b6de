package dev.kassa.catalog.inventory.count;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.catalogue.StockLevel;
import dev.kassa.catalog.catalogue.product.BarcodeRepository;
import dev.kassa.catalog.inventory.stock.Placements;
import dev.kassa.catalog.inventory.stock.StockCorrectionService;
import dev.kassa.catalog.inventory.stock.StockLevelRepository;
import dev.kassa.catalog.inventory.stock.StockReason;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.security.Caller;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.PrintableText;
import dev.kassa.platform.validation.Quantity;
import dev.kassa.platform.validation.RequestRules;
import dev.kassa.platform.validation.Required;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Stock-takes (issue 63, points 1-3). A count covers the products in its scope when it is opened; counters add lines
 * from several devices at once ({@code add} to the running total, or {@code set} it), each line keeping what the shelf
 * should have held then (on hand less what tills hold), so a sale between a product's count and the apply is not
 * counted twice; applying turns each counted product's difference into movements with reason {@code count}, once.
 * Products not counted are left as they are. A count of one location (issue 86 point 1) expects what lies there and
 * changes the stock there only.
 */
@Service
public class CountService {

    /** At most this many lines in one call (a scanner's upload). */
    static final int MAX_LINES = 1000;

    /** At most this many products or categories named in a count's scope. */
    static final int MAX_SCOPE = 10_000;

    /** The movements' reason. */
    static final StockReason REASON = StockReason.COUNT;

    /**
     * A count to open: its name; {@code products} or {@code categories} (ids) to limit it; {@code blind}; the
     * {@code location} it covers (none: the whole store). Checked with the rule that it names one of them, and with the
     * products, categories and locations there are.
     */
    @DomainValidated
    public record OpenRequest(
            @Required @Size(max = 200) @PrintableText String name,
            @Size(min = 1, max = MAX_SCOPE, message = "catalog.count_scope_size") List<@NotNull Long> products,
            @Size(min = 1, max = MAX_SCOPE, message = "catalog.count_scope_size") List<@NotNull Long> categories,
            Boolean blind,
            Long location) {}

    /**
     * What was counted of a product (by id or by a code scanned), {@code add} (default) or {@code set} in any case and
     * with spaces around (what {@link String#trim()} takes), on which device.
     */
    public record LineForm(
            Long product,
            String barcode,
            @NotNull @Quantity(message = "validation.not_negative") BigDecimal counted,
            @Pattern(regexp = "[\\x00-\\x20]*([aA][dD][dD]|[sS][eE][tT])[\\x00-\\x20]*", message = "catalog.count_mode")
                    String mode,
            @Size(max = 100) @PrintableText String device) {}

    /**
     * One line (checked as a {@link LineForm}), or several in {@code lines} (a scanner's upload, in the order counted);
     * checked with the codes scanned and the count's products.
     */
    @DomainValidated
    public record LinesRequest(
            Long product,
            String barcode,
            BigDecimal counted,
            String mode,
            String device,
            @Size(min = 1, max = MAX_LINES, message = "catalog.count_lines_size")
                    List<@NotNull @Valid LineForm> lines) {}

    private final CountRepository counts;
    private final BarcodeRepository codes;
    private final StockLevelRepository stock;
    private final CountStockRepository lying;
    private final StockCorrectionService corrections;
    private final Placements placements;
    private final OutboxPublisher outbox;
    private final RequestRules rules;

    CountService(
            CountRepository counts,
            BarcodeRepository codes,
            StockLevelRepository stock,
            CountStockRepository lying,
            StockCorrectionService corrections,
            Placements placements,
            OutboxPublisher outbox,
            RequestRules rules) {
        this.rules = rules;
        this.outbox = outbox;
        this.counts = counts;
        this.codes = codes;
        this.stock = stock;
        this.lying = lying;
        this.corrections = corrections;
        this.placements = placements;
    }

    @Transactional
    public CountRepository.Row open(Caller caller, OpenRequest r) {
        FieldErrors errors = rules.check(r);
        if (r.products() != null && r.categories() != null) {
            errors.add("categories", "catalog.count_scope_one_of");
        }
        errors.throwIfAny();
        List<Long> products = distinct(r.products());
        List<Long> categories = distinct(r.categories());
        if (products != null) {
            Set<Long> missing = new LinkedHashSet<>(products);
            counts.trackedProducts(products).forEach(missing::remove);
            missing.forEach(id -> errors.add("products", "catalog.count_product_unknown", String.valueOf(id)));
        }
        if (categories != null) {
            Set<Long> missing = new LinkedHashSet<>(categories);
            counts.categories(categories).forEach(missing::remove);
            missing.forEach(id -> errors.add("categories", "catalog.category_unknown_id", String.valueOf(id)));
        }
        errors.throwIfAny();
        Long location = placements.placed(r.location());
        long id = counts.open(
                r.name().trim(), Boolean.TRUE.equals(r.blind()), location, products, categories, caller.userId());
        CountRepository.Row row = counts.find(id).orElseThrow();
        if (row.totals().products() == 0) {
            throw FieldErrors.single(categories != null ? "categories" : "products", "catalog.count_empty");
        }
        return row;
    }

    /** The ids named, each once, in their order; null when none are named. */
    private static List<Long> distinct(List<Long> ids) {
        return ids == null ? null : List.copyOf(new LinkedHashSet<>(ids));
    }

    /**
     * Records the lines in their order (all of them, or none when one is wrong) and answers the products they counted, each
     * with its running total; {@code blind} counts hide what was expected from those who do not manage the store.
     */
    @Transactional
    public List<CountRepository.Item> count(Caller caller, long id, LinesRequest r) {
        List<LineForm> forms = forms(r);
        boolean many = r.lines() != null;
        // each line's declared rules (one line alone as a line); a call of the wrong size is refused before any work
        FieldErrors errors = rules.check(many ? r : forms.get(0));
        if (errors.has("lines")) {
            errors.throwIfAny();
        }
        StockCount count = load(id, true);
        count.requireOpen();
        List<Long> products = products(forms, many, errors);
        errors.throwIfAny();
        Map<Long, BigDecimal> running = counts.lockItems(id, new HashSet<>(products));
        for (int i = 0; i < forms.size(); i++) {
            if (!running.containsKey(products.get(i))) {
                errors.add((many ? "lines." + i + "." : "") + "product", "catalog.count_product_outside");
            }
        }
        errors.throwIfAny();
        List<StockCount.Taken> taken = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            LineForm f = forms.get(i);
            taken.add(new StockCount.Taken(
                    products.get(i),
                    f.counted(),
                    StockCount.Mode.of(f.mode()),
                    f.device() == null ? "" : f.device().trim()));
        }
        StockCount.Counted counted = count.take(taken, running, levels(counts.location(id), running.keySet()));
        counts.count(id, counted.lines(), counted.totals(), caller.userId());
        boolean hide = hides(caller, count.hidesExpected());
        return counts.items(id, counted.totals().keySet()).stream()
                .map(item -> shown(item, hide))
                .toList();
    }

    /** The products' stock now: in the whole store ({@code location} null), or at the count's location. */
    private Map<Long, StockLevel> levels(Long location, Set<Long> products) {
        return location == null ? stock.of(products) : lying.levels(location, products);
    }

    /**
     * The product each line names (by id, or by the code scanned; null where the line is missing), the lines that name
     * none or a code no product has added to {@code errors}.
     */
    private List<Long> products(List<LineForm> forms, boolean many, FieldErrors errors) {
        Map<String, BarcodeRepository.Match> scanned = codes.findAll(forms.stream()
                .filter(f -> f != null && f.product() == null && !FieldErrors.blank(f.barcode()))
                .map(f -> f.barcode().trim())
                .toList());
        List<Long> products = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            LineForm f = forms.get(i);
            if (f == null) {
                products.add(null);
                continue;
            }
            String prefix = many ? "lines." + i + "." : "";
            Long product = f.product();
            if (product == null
                    && f.barcode() != null
                    && scanned.containsKey(f.barcode().trim())) {
                product = scanned.get(f.barcode().trim()).productId();
            }
            if (f.product() == null && FieldErrors.blank(f.barcode())) {
                errors.add(prefix + "product", "catalog.count_line_product");
            } else if (product == null) {
                errors.add(
                        prefix + "barcode",
                        "catalog.barcode_not_found",
                        f.barcode().trim());
            }
            products.add(product);
        }
        return products;
    }

    private static List<LineForm> forms(LinesRequest r) {
        boolean single = r.product() != null || r.barcode() != null || r.counted() != null;
        if (r.lines() != null && single) {
            throw FieldErrors.single("lines", "catalog.count_lines_one_of");
        }
        if (r.lines() == null) {
            return List.of(new LineForm(r.product(), r.barcode(), r.counted(), r.mode(), r.device()));
        }
        return r.lines();
    }

    /**
     * Applies the count's differences to the stock as it is now, once: a count already applied answers as it stood; one
     * cancelled cannot be applied.
     */
    @Transactional
    public CountRepository.Row apply(Caller caller, long id) {
        StockCount count = load(id, false);
        if (!count.apply()) {
            return counts.find(id).orElseThrow();
        }
        Long location = counts.location(id);
        Map<Long, BigDecimal> differences = counts.differences(id);
        Map<Long, BigDecimal> applied = corrected(differences, reference(id), caller.userId(), location);
        counts.applied(id, applied, caller.userId());
        CountRepository.Row row = counts.find(id).orElseThrow();
        outbox.publish(TenantContext.require().key(), count.counted(row, caller.userId()));
        return row;
    }

    /**
     * The stock corrected by the differences (at {@code location} only, when the count has one); answers each product's
     * change made.
     */
    private Map<Long, BigDecimal> corrected(
            Map<Long, BigDecimal> differences, String reference, long userId, Long location) {
        List<StockCorrectionService.Correction> changes = new ArrayList<>();
        differences.forEach(
                (product, difference) -> changes.add(new StockCorrectionService.Correction(product, difference)));
        Map<Long, BigDecimal> applied = new LinkedHashMap<>();
        corrections
                .correct(changes, REASON, reference, userId, location)
                .forEach((product, done) -> applied.put(product, done.applied()));
        return applied;
    }

    /** The reference of a count's ledger movements. */
    static String reference(long id) {
        return "COUNT-" + id;
    }

    /** Cancels an open count (nothing changes in the stock); again is a no-op; an applied count stays applied. */
    @Transactional
    public CountRepository.Row cancel(Caller caller, long id) {
        StockCount count = load(id, false);
        if (count.cancel()) {
            counts.finish(id, count.status(), caller.userId());
        }
        return counts.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public CountRepository.Row get(long id) {
        return counts.find(id).orElseThrow(() -> CatalogErrors.COUNT_NOT_FOUND.exception());
    }

    /** A page of counts, newest first: of one status ({@code status}) and one location ({@code location}), or all. */
    @Transactional(readOnly = true)
    public Page<CountRepository.Row> list(String status, Long location, Pageable page) {
        CountStatus which = status == null
                ? null
                : CountStatus.parse(status).orElseThrow(() -> FieldErrors.single("status", "catalog.count_status"));
        return counts.page(which, location, page);
    }

    /** A page of the count's products ({@code state}: all, counted, not_counted, different). */
    @Transactional(readOnly = true)
    public Page<CountRepository.Item> items(Caller caller, CountRepository.Row count, String state, Pageable page) {
        CountRepository.State which =
                switch (state == null ? "all" : state.trim().toLowerCase(Locale.ROOT)) {
                    case "all" -> CountRepository.State.ALL;
                    case "counted" -> CountRepository.State.COUNTED;
                    case "not_counted" -> CountRepository.State.NOT_COUNTED;
                    case "different" -> CountRepository.State.DIFFERENT;
                    default -> throw FieldErrors.single("state", "catalog.count_state");
                };
        boolean hide = hides(caller, count);
        if (hide && which == CountRepository.State.DIFFERENT) {
            throw FieldErrors.single("state", "catalog.count_blind");
        }
        return counts.items(count.id(), which, page).map(item -> shown(item, hide));
    }

    /**
     * Whether the caller may not see what was expected: a blind count, before it is applied, to anyone but the store's
     * owners and managers (and apps).
     */
    static boolean hides(Caller caller, CountRepository.Row count) {
        return hides(caller, new StockCount(count.id(), count.status(), count.blind()).hidesExpected());
    }

    private static boolean hides(Caller caller, boolean hidden) {
        return hidden && caller.role() != null && !caller.managesStore();
    }

    /** The count, locked ({@code share}: while lines are added); refused when there is none. */
    private StockCount load(long id, boolean share) {
        return counts.load(id, share).orElseThrow(() -> CatalogErrors.COUNT_NOT_FOUND.exception());
    }

    private static CountRepository.Item shown(CountRepository.Item item, boolean hide) {
        return hide
                ? new CountRepository.Item(
                        item.product(),
                        item.name(),
                        item.sku(),
                        item.barcode(),
                        null,
                        item.counted(),
                        item.countedAt(),
                        item.applied(),
                        null)
                : item;
    }
}
