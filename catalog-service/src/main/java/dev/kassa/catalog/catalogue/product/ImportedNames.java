package dev.kassa.catalog.catalogue.product;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The names of one kind (categories, units) an imported file gives, with the ids the store has for them: each looked up
 * once per job (whatever its case), made when the store has none. What the job made is forgotten when the chunk that
 * made it is rolled back; what it found, or only looked for, stays known.
 */
final class ImportedNames {

    private final Function<String, Optional<Long>> find;
    private final ToLongFunction<String> make;
    private final Map<String, Optional<Long>> ids = new HashMap<>();
    private final Set<String> made = new HashSet<>();

    ImportedNames(Function<String, Optional<Long>> find, ToLongFunction<String> make) {
        this.find = find;
        this.make = make;
    }

    /** The id the store has for this name; empty when it has none. */
    Optional<Long> known(String name) {
        return ids.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> find.apply(name));
    }

    /** The id of this name, made when the store has none. */
    long id(String name) {
        return known(name).orElseGet(() -> {
            long id = make.applyAsLong(name);
            ids.put(name.toLowerCase(Locale.ROOT), Optional.of(id));
            made.add(name.toLowerCase(Locale.ROOT));
            return id;
        });
    }

    /** The chunk's writes were rolled back: what this job made may be gone with them. */
    void forget() {
        ids.keySet().removeAll(made);
        made.clear();
    }
}
