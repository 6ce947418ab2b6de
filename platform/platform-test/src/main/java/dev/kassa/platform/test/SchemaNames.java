package dev.kassa.platform.test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * springdoc names a published schema after its class's simple name: two classes with one simple name (two
 * {@code EmployeeView}s, say) become one schema, and one of the operations then shows the other's fields. This finds
 * them among what a service's controllers answer and read (their records, followed through components and type
 * arguments); {@code @Schema(name = …)} on one of them resolves it.
 */
public final class SchemaNames {
    private SchemaNames() {}

    private static final Set<String> MAPPINGS =
            Set.of("GetMapping", "PostMapping", "PutMapping", "PatchMapping", "DeleteMapping", "RequestMapping")
                    .stream()
                    .map(n -> "org.springframework.web.bind.annotation." + n)
                    .collect(Collectors.toSet());

    /** Each schema name that more than one published class of {@code controllers} would take, with those classes. */
    public static Map<String, Set<String>> clashes(Collection<Class<?>> controllers) {
        Map<String, Set<String>> byName = new TreeMap<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> controller : controllers) {
            for (Method method : controller.getDeclaredMethods()) {
                if (Arrays.stream(method.getAnnotations())
                        .noneMatch(a -> MAPPINGS.contains(a.annotationType().getName()))) {
                    continue;
                }
                List<Type> published = new ArrayList<>(List.of(method.getGenericReturnType()));
                for (int i = 0; i < method.getParameterCount(); i++) {
                    if (Arrays.stream(method.getParameterAnnotations()[i]).anyMatch(a -> a.annotationType()
                            .getName()
                            .equals("org.springframework.web.bind.annotation.RequestBody"))) {
                        published.add(method.getGenericParameterTypes()[i]);
                    }
                }
                published.forEach(type -> collect(type, seen, byName));
            }
        }
        byName.values().removeIf(classes -> classes.size() < 2);
        return byName;
    }

    private static void collect(Type type, Set<Class<?>> seen, Map<String, Set<String>> byName) {
        if (type instanceof ParameterizedType p) {
            collect(p.getRawType(), seen, byName);
            for (Type argument : p.getActualTypeArguments()) {
                collect(argument, seen, byName);
            }
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                collect(bound, seen, byName);
            }
        } else if (type instanceof Class<?> c) {
            if (c.isArray()) {
                collect(c.getComponentType(), seen, byName);
                return;
            }
            if (!c.getName().startsWith("dev.kassa.") || !seen.add(c)) {
                return;
            }
            if (c.getTypeParameters().length == 0) {
                byName.computeIfAbsent(schemaName(c), n -> new TreeSet<>()).add(c.getName());
            }
            if (c.isRecord()) {
                for (RecordComponent component : c.getRecordComponents()) {
                    collect(component.getGenericType(), seen, byName);
                }
            }
        }
    }

    private static String schemaName(Class<?> c) {
        for (Annotation a : c.getAnnotations()) {
            if (a.annotationType().getName().equals("io.swagger.v3.oas.annotations.media.Schema")) {
                try {
                    String name = (String) a.annotationType().getMethod("name").invoke(a);
                    if (!name.isBlank()) {
                        return name;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return c.getSimpleName();
    }
}
