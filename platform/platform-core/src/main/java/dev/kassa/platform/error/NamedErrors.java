package dev.kassa.platform.error;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Finds a service's named errors: the platform's and those of every {@link KassaError} enum under its packages. */
public final class NamedErrors {
    private NamedErrors() {}

    /** Ordered by status, code and message key. */
    public static List<KassaError> in(List<String> basePackages) {
        return in(basePackages, List.of());
    }

    /** As {@link #in(List)}, with the errors of the platform modules the service turned on ({@link ModuleErrors}). */
    public static List<KassaError> in(List<String> basePackages, List<KassaError> modules) {
        List<KassaError> all = new ArrayList<>(Arrays.asList(PlatformErrors.values()));
        all.addAll(modules);
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(KassaError.class));
        for (String base : basePackages) {
            scanner.findCandidateComponents(base).forEach(d -> {
                Class<?> type = ClassUtils.resolveClassName(d.getBeanClassName(), NamedErrors.class.getClassLoader());
                if (type.isEnum() && type != PlatformErrors.class) {
                    all.addAll(Arrays.asList((KassaError[]) type.getEnumConstants()));
                }
            });
        }
        all.sort(Comparator.comparingInt(KassaError::status)
                .thenComparing(KassaError::code)
                .thenComparing(KassaError::messageKey));
        return all;
    }
}
