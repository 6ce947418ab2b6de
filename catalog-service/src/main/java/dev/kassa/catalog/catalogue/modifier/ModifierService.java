package dev.kassa.catalog.catalogue.modifier;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.catalogue.entry.ProductLookupRepository;
import dev.kassa.catalog.catalogue.modifier.ModifierRepository.ModifierGroup;
import dev.kassa.catalog.catalogue.modifier.ModifierRepository.OptionFields;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.validation.Money;
import dev.kassa.platform.validation.PrintableText;
import dev.kassa.platform.validation.Quantity;
import dev.kassa.platform.validation.Required;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Modifier groups (issue 65 point 2): a group's options with their prices, how many of them a line must ({@code min})
 * and may ({@code max}) take, and the products that offer it; and the check of what a sold line chose, which catalog
 * makes when a till holds the line, so every till, order and guest is priced by the same rule.
 */
@NamedInterface("modifiers")
@Service
@Transactional
public class ModifierService {

    /** An option of a group's request; {@code id} keeps an existing option (renamed or repriced), none adds one. */
    /**
     * An option of a group's request; {@code id} keeps an existing option (renamed or repriced), none adds one. For a
     * product made of others, {@code component} is the product the option puts into it (instead of the one it {@code
     * replaces}, when it names one: oat milk for milk), {@code component_quantity} of it a unit (the replaced one's, or one,
     * when not given).
     */
    record OptionRequest(
            Long id,
            @Required @Size(max = 100) @PrintableText String name,
            @Money BigDecimal price,
            Long component,
            @Quantity(positive = true, max = Quantity.Max.LINE) BigDecimal componentQuantity,
            Long replaces) {}

    /** A group's fields: name and options required; {@code min} 0 and {@code max} 1 when not given. */
    record GroupRequest(
            @Required @Size(max = 100) @PrintableText String name,
            @Min(value = 0, message = "validation.invalid") @Max(value = 50, message = "validation.invalid")
                    Integer min,
            @Min(value = 1, message = "validation.invalid") @Max(value = 50, message = "validation.invalid")
                    Integer max,
            @Required @Size(min = 1, max = MAX_OPTIONS) List<@Valid @NotNull OptionRequest> options) {}

    /**
     * What one line of a sale chose: the product it is of, the options it names, whether they must be checked even when
     * it names none ({@code needed}), and whether it is a sale that already happened ({@code happened}: an offline till's,
     * a table's served order) and is taken as it was: an option that is gone since is left out instead of refusing it, and
     * the groups' minimum and maximum of now are not applied.
     */
    @NamedInterface("modifiers")
    public record Wanted(long product, List<Long> options, boolean needed, boolean happened) {}

    static final int MAX_OPTIONS = 50;

    private final ModifierRepository groups;
    private final ProductLookupRepository productLookup;

    ModifierService(ModifierRepository groups, ProductLookupRepository productLookup) {
        this.groups = groups;
        this.productLookup = productLookup;
    }

    @Transactional(readOnly = true)
    Page<ModifierGroup> page(String like, Pageable page) {
        return groups.page(like, page);
    }

    @Transactional(readOnly = true)
    ModifierGroup get(long id) {
        return groups.find(id).orElseThrow(() -> CatalogErrors.MODIFIER_GROUP_NOT_FOUND.exception());
    }

    ModifierGroup create(GroupRequest r) {
        check(r, null);
        long id;
        try {
            id = groups.insert(r.name().trim(), min(r), max(r));
        } catch (DuplicateKeyException e) {
            throw FieldErrors.single("name", "catalog.modifier_group_taken");
        }
        groups.setOptions(id, options(r));
        return get(id);
    }

    /** The group becomes the request: options with their ids kept, new ones added, the ones left out removed. */
    ModifierGroup replace(long id, GroupRequest r) {
        get(id);
        check(r, id);
        try {
            groups.update(id, r.name().trim(), min(r), max(r));
        } catch (DuplicateKeyException e) {
            throw FieldErrors.single("name", "catalog.modifier_group_taken");
        }
        groups.setOptions(id, options(r));
        return get(id);
    }

    void delete(long id) {
        if (!groups.delete(id)) {
            throw CatalogErrors.MODIFIER_GROUP_NOT_FOUND.exception();
        }
    }

    @Transactional(readOnly = true)
    List<ModifierGroup> ofProduct(long product) {
        requireProduct(product);
        return groups.ofProduct(product);
    }

    /** The product offers exactly these groups afterwards, in this order (each must exist). */
    List<ModifierGroup> setOfProduct(long product, List<Long> wanted) {
        requireProduct(product);
        LinkedHashSet<Long> ids = new LinkedHashSet<>(wanted);
        if (ids.contains(null) || groups.existing(ids) != ids.size()) {
            throw FieldErrors.single("modifier_groups", "catalog.modifier_group_unknown");
        }
        groups.setOfProduct(product, List.copyOf(ids));
        return groups.ofProduct(product);
    }

    /**
     * What each line chose, checked against the groups its product offers (one statement for all the lines that need a
     * check: those naming options and those whose product has a group a line must choose from): every option must be
     * one of them, named once, and each group chosen from at least {@code min} and at most {@code max} times. A line
     * refused is a 400 on {@code field} of its index; the answer is in the lines' order (empty for a line that chose
     * nothing and needed nothing), with each option's name and price now.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<List<ModifierChoice>> choose(List<Wanted> lines, IntFunction<String> field) {
        Set<Long> products = new HashSet<>();
        for (Wanted w : lines) {
            if (w.needed() || !w.options().isEmpty()) {
                products.add(w.product());
            }
        }
        if (products.isEmpty()) {
            return lines.stream().map(w -> List.<ModifierChoice>of()).toList();
        }
        Map<Long, List<ModifierGroup>> offered = groups.offered(products);
        FieldErrors errors = new FieldErrors();
        List<List<ModifierChoice>> chosen = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Wanted w = lines.get(i);
            chosen.add(chosen(
                    w,
                    offered.getOrDefault(w.product(), List.of()),
                    w.happened() ? new FieldErrors() : errors,
                    field.apply(i)));
        }
        errors.throwIfAny();
        return chosen;
    }

    private static List<ModifierChoice> chosen(
            Wanted w, List<ModifierGroup> offered, FieldErrors errors, String field) {
        Set<Long> asked = new LinkedHashSet<>(w.options());
        if (asked.size() != w.options().size() || asked.contains(null)) {
            errors.add(field, "catalog.modifier_repeated");
            return List.of();
        }
        List<ModifierChoice> chosen = new ArrayList<>();
        for (ModifierGroup g : offered) {
            int taken = 0;
            for (ModifierRepository.ModifierOption o : g.options()) {
                if (asked.remove(o.id())) {
                    chosen.add(new ModifierChoice(
                            o.id(),
                            g.id(),
                            g.name(),
                            o.name(),
                            o.price(),
                            o.component(),
                            o.componentQuantity(),
                            o.replaces()));
                    taken++;
                }
            }
            if (taken < g.min()) {
                errors.add(field, "catalog.modifier_too_few", g.name(), g.min());
            } else if (taken > g.max()) {
                errors.add(field, "catalog.modifier_too_many", g.name(), g.max());
            }
        }
        if (!asked.isEmpty()) {
            errors.add(field, "catalog.modifier_unknown", asked.iterator().next());
        }
        return chosen;
    }

    /** A group must be one a line can choose from: {@code min} within its options and not above {@code max}; names once. */
    private void check(GroupRequest r, Long group) {
        FieldErrors errors = new FieldErrors();
        if (min(r) > max(r)) {
            errors.add("min", "catalog.modifier_min_above_max");
        } else if (min(r) > r.options().size()) {
            errors.add("min", "catalog.modifier_min_above_options", r.options().size());
        }
        Set<String> names = new HashSet<>();
        Set<Long> ids = new LinkedHashSet<>();
        for (int i = 0; i < r.options().size(); i++) {
            OptionRequest o = r.options().get(i);
            if (FieldErrors.blank(o.name())) {
                errors.required("options." + i + ".name");
            } else if (!names.add(o.name().trim().toLowerCase(Locale.ROOT))) {
                errors.add("options." + i + ".name", "catalog.modifier_option_taken");
            }
            if (o.id() != null && (group == null || !ids.add(o.id()))) {
                errors.add("options." + i + ".id", "catalog.modifier_option_unknown");
            }
        }
        // what an option puts into a recipe: products that are not made of others themselves
        Set<Long> named = new HashSet<>();
        for (OptionRequest o : r.options()) {
            if (o.component() != null) {
                named.add(o.component());
            }
            if (o.replaces() != null) {
                named.add(o.replaces());
            }
        }
        Set<Long> plain = named.isEmpty() ? Set.of() : new HashSet<>(groups.plainProducts(named));
        for (int i = 0; i < r.options().size(); i++) {
            OptionRequest o = r.options().get(i);
            if (o.replaces() != null && o.component() == null) {
                errors.required("options." + i + ".component");
            }
            if (o.component() != null && !plain.contains(o.component())) {
                errors.add("options." + i + ".component", "catalog.modifier_component_unknown");
            }
            if (o.replaces() != null && !plain.contains(o.replaces())) {
                errors.add("options." + i + ".replaces", "catalog.modifier_component_unknown");
            }
        }
        if (group != null && !ids.isEmpty() && groups.optionsOf(group, ids).size() != ids.size()) {
            Set<Long> known = new HashSet<>(groups.optionsOf(group, ids));
            for (int i = 0; i < r.options().size(); i++) {
                Long id = r.options().get(i).id();
                if (id != null && !known.contains(id)) {
                    errors.add("options." + i + ".id", "catalog.modifier_option_unknown");
                }
            }
        }
        errors.throwIfAny();
    }

    private static List<OptionFields> options(GroupRequest r) {
        return r.options().stream()
                .map(o -> new OptionFields(
                        o.id(),
                        o.name().trim(),
                        o.price() == null ? BigDecimal.ZERO.setScale(2) : o.price(),
                        o.component(),
                        o.componentQuantity(),
                        o.replaces()))
                .toList();
    }

    private static int min(GroupRequest r) {
        return r.min() == null ? 0 : r.min();
    }

    private static int max(GroupRequest r) {
        return r.max() == null ? Math.max(1, min(r)) : r.max();
    }

    private void requireProduct(long id) {
        if (!productLookup.exists(id)) {
            throw CatalogErrors.PRODUCT_NOT_FOUND.exception();
        }
    }
}
