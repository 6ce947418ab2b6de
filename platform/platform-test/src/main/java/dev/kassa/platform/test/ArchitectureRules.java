package dev.kassa.platform.test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.events.KassaEvent;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The conventions of the house style that the build enforces, the same for every service (each runs
 * {@link #check(String)} in its {@code ArchitectureTests}).
 * <p>
 * No rule is frozen: the violations once recorded per service are all gone, so every rule holds as written.
 * <p>
 * Beside the class rules, {@link #check} reads the service's sources for {@link TableWriters one writer per table}, and
 * {@link #check(String, Map)} also for {@link TableReaders the modules' reads of each other's tables}.
 */
public final class ArchitectureRules {
    private ArchitectureRules() {}

    private static final String[] SQL_AND_TRANSACTIONS = {
        "org.springframework.jdbc.core.JdbcTemplate", "org.springframework.jdbc.core.JdbcOperations",
        "org.springframework.jdbc.core.simple.JdbcClient",
                "org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate",
        "jakarta.persistence.EntityManager", "org.springframework.transaction.support.TransactionTemplate"
    };
    private static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";
    private static final String TRANSACTIONAL = "org.springframework.transaction.annotation.Transactional";

    private static final String REPOSITORY = "org.springframework.stereotype.Repository";

    /** A class annotated with {@code annotation}, or a type nested in one. */
    static DescribedPredicate<JavaClass> partOf(String annotation) {
        return DescribedPredicate.describe(
                "part of a class annotated with @" + annotation.substring(annotation.lastIndexOf('.') + 1),
                c -> !c.isAnnotation() && enclosing(c).anyMatch(e -> e.isAnnotatedWith(annotation)));
    }

    /** A class with a {@code @KafkaListener} method, or a type nested in one. */
    static final DescribedPredicate<JavaClass> CONSUMERS = DescribedPredicate.describe(
            "part of a Kafka consumer", c -> enclosing(c).anyMatch(e -> e.getMethods().stream()
                    .anyMatch(m -> m.isAnnotatedWith("org.springframework.kafka.annotation.KafkaListener"))));

    /** A class with a {@code @KafkaListener} method of its own. */
    static final DescribedPredicate<JavaClass> LISTENS =
            DescribedPredicate.describe("Kafka consumers", c -> c.getMethods().stream()
                    .anyMatch(m -> m.isAnnotatedWith("org.springframework.kafka.annotation.KafkaListener")));

    /** One of the classes named. */
    private static DescribedPredicate<JavaClass> named(String... names) {
        List<String> all = List.of(names);
        return DescribedPredicate.describe("one of " + all, c -> all.contains(c.getName()));
    }

    /** The class and the classes it is nested in, innermost first. */
    private static Stream<JavaClass> enclosing(JavaClass c) {
        return Stream.iterate(c, Objects::nonNull, e -> e.getEnclosingClass().orElse(null));
    }

    public static List<ArchRule> rules(String basePackage) {
        List<ArchRule> rules = new ArrayList<>();
        rules.addAll(layers(basePackage));
        rules.addAll(contracts(basePackage));
        rules.addAll(insideAFeature(basePackage));
        rules.addAll(names(basePackage));
        rules.add(NO_CLASSES_SHOULD_USE_FIELD_INJECTION);
        rules.add(NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING);
        rules.add(NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS);
        return rules;
    }

    /** Where SQL and transactions run (repositories, services), and no cycle between feature packages. */
    private static List<ArchRule> layers(String basePackage) {
        List<ArchRule> rules = new ArrayList<>();
        rules.add(noClasses()
                .that()
                .areAnnotatedWith(REST_CONTROLLER)
                .should()
                .dependOnClassesThat(named(SQL_AND_TRANSACTIONS))
                .as("controllers never touch SQL: repositories own it"));
        rules.add(noMethods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(REST_CONTROLLER)
                .should()
                .beAnnotatedWith(TRANSACTIONAL)
                .as("controllers never open transactions: the service behind them does"));
        rules.add(slices().matching(basePackage + ".(*)..")
                .should()
                .beFreeOfCycles()
                .as("feature packages of " + basePackage + " do not depend on each other in a cycle"));
        rules.add(noClasses()
                .that()
                .resideInAPackage(basePackage + "..")
                .and()
                .areNotAnnotatedWith("org.springframework.stereotype.Repository")
                .should()
                .dependOnClassesThat(named(Arrays.copyOf(SQL_AND_TRANSACTIONS, 4)))
                .as("only repositories (@Repository) run SQL"));
        rules.add(classes()
                .that()
                .haveSimpleNameEndingWith("Repository")
                .and()
                .resideInAPackage(basePackage + "..")
                .should()
                .onlyDependOnClassesThat()
                .resideOutsideOfPackages(
                        "org.springframework.web..",
                        "org.springframework.kafka..",
                        "jakarta.servlet..",
                        "dev.kassa.platform.events..")
                .as("repositories know neither the web nor messaging"));
        return rules;
    }

    /** Events are plain records, and errors are raised by name. */
    private static List<ArchRule> contracts(String basePackage) {
        List<ArchRule> rules = new ArrayList<>();
        rules.add(classes()
                .that()
                .areAnnotatedWith(KassaEvent.class)
                .should()
                .onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(
                                "java..", "com.fasterxml.jackson.annotation..", "dev.kassa.platform.events..")
                        .or(DescribedPredicate.describe("their own nested records", JavaClass::isNestedClass)))
                .as("event contracts are plain records of JDK types"));
        rules.add(noClasses()
                .that()
                .resideInAPackage(basePackage + "..")
                .and()
                .haveSimpleNameNotEndingWith("Client")
                .should()
                .callMethod(
                        KassaException.class, "relayed", int.class, String.class, String.class, Map.class, Map.class)
                .as("errors are raised by name; only a client relays another service's error"));
        return rules;
    }

    /**
     * Web -> domain <- messaging, inside a feature package too: nothing but a controller uses a controller's types
     * (its request records belong to the domain), nothing but a consumer uses a consumer's, and a repository knows no
     * service.
     */
    private static List<ArchRule> insideAFeature(String basePackage) {
        List<ArchRule> rules = new ArrayList<>();
        rules.add(noClasses()
                .that(not(partOf(REST_CONTROLLER)))
                .and()
                .resideInAPackage(basePackage + "..")
                .should()
                .dependOnClassesThat(partOf(REST_CONTROLLER))
                .as("only controllers use a controller's types: its requests and answers belong to the feature"));
        rules.add(noClasses()
                .that(not(CONSUMERS))
                .and()
                .resideInAPackage(basePackage + "..")
                .should()
                .dependOnClassesThat(CONSUMERS)
                .as("only consumers use a consumer's types: the records of an event it reads belong to the feature"));
        rules.add(noClasses()
                .that()
                .areAnnotatedWith(REPOSITORY)
                .and()
                .resideInAPackage(basePackage + "..")
                .should()
                .dependOnClassesThat(partOf("org.springframework.stereotype.Service")
                        .or(partOf("org.springframework.stereotype.Component")))
                .as("repositories know no service: the rows they return are their own types or the feature's"));
        return rules;
    }

    /** One obvious name per role, the same in every service (docs/conventions.md, "Names"). */
    private static List<ArchRule> names(String basePackage) {
        List<ArchRule> rules = new ArrayList<>();
        rules.add(classes()
                .that()
                .areAnnotatedWith(REST_CONTROLLER)
                .should()
                .haveSimpleNameEndingWith("Controller")
                .as("a controller is named *Controller"));
        rules.add(classes()
                .that()
                .areAnnotatedWith(REPOSITORY)
                .should()
                .haveSimpleNameEndingWith("Repository")
                .orShould()
                .haveSimpleNameEndingWith("Impl")
                .as("a repository is named *Repository (a Spring Data fragment's implementation *Impl)"));
        rules.add(classes()
                .that()
                .areAnnotatedWith("org.springframework.stereotype.Service")
                .should()
                .haveSimpleNameEndingWith("Service")
                .as("the class that holds a feature's rules is named *Service"));
        rules.add(classes()
                .that(LISTENS)
                .should()
                .haveSimpleNameEndingWith("EventsConsumer")
                .andShould()
                .resideInAnyPackage(basePackage + ".ingest", basePackage + ".*.ingest")
                .as("a Kafka consumer is a <Source>EventsConsumer in the service's ingest package (or its module's),"
                        + " above the features whose services it calls"));
        String service = basePackage.substring(basePackage.lastIndexOf('.') + 1);
        rules.add(noClasses()
                .should()
                .resideInAPackage(basePackage + "." + service + "..")
                .as("no feature package repeats its service's name (" + basePackage + "." + service + ")")
                .allowEmptyShould(true));
        return rules;
    }

    /**
     * A controller maps each operation at one path: the original's other spellings are the platform's alias table
     * ({@code kassa/path-aliases.txt}), not a second path beside the first.
     */
    static List<String> aliasedMappings(Class<?> controller) {
        List<String> found = new ArrayList<>();
        List<AnnotatedElement> mapped = new ArrayList<>(List.of(controller.getDeclaredMethods()));
        mapped.add(controller);
        for (AnnotatedElement element : mapped) {
            RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(element, RequestMapping.class);
            if (mapping != null && mapping.path().length > 1) {
                found.add("one path per mapping (the others belong in kassa/path-aliases.txt): " + element + " "
                        + List.of(mapping.path()));
            }
        }
        return found;
    }

    /**
     * A request body of the service's own types is validated by its declared rules: {@code @Valid} at the controller, or
     * by the domain together with its rules that need the database (a type marked {@code @DomainValidated}, then not
     * {@code @Valid} as well).
     */
    static List<String> unvalidatedBodies(Class<?> controller, String basePackage) {
        List<String> found = new ArrayList<>();
        for (Method method : controller.getDeclaredMethods()) {
            for (Parameter parameter : method.getParameters()) {
                Set<String> on = annotationNames(parameter);
                Class<?> type = parameter.getType();
                if (!on.contains("org.springframework.web.bind.annotation.RequestBody")
                        || !type.getName().startsWith(basePackage + ".")) {
                    continue;
                }
                boolean valid = on.contains("jakarta.validation.Valid")
                        || on.contains("org.springframework.validation.annotation.Validated");
                boolean byDomain = annotationNames(type).contains("dev.kassa.platform.validation.DomainValidated");
                if (valid == byDomain) {
                    found.add((byDomain
                                    ? "a @DomainValidated request is checked by the domain, not @Valid as well: "
                                    : "a request body is @Valid (or its type @DomainValidated and checked by the domain): ")
                            + method);
                }
            }
        }
        return found;
    }

    /**
     * "Required" is declared on the request ({@code @Required}, {@code @Filled}, groups for a create or a PUT) or, when the
     * need depends on another field or the stored record, said through {@code FieldErrors.required(field)} /
     * {@code missing(field)}: the service's sources never spell the message key themselves.
     */
    static List<String> handSpelledRequired(Path sources) {
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        return TableWriters.javaFiles(sources).stream()
                .filter(f -> TableWriters.read(f).contains("\"" + FieldErrors.REQUIRED + "\""))
                .map(f -> "\"" + FieldErrors.REQUIRED + "\" spelled by hand (declare it on the request, or "
                        + "FieldErrors.required(field) when it depends on another field or the stored record): " + f)
                .toList();
    }

    /** Each feature package says in its {@code package-info.java} what it owns and which features it uses. */
    static List<String> undescribedFeatures(Path sources) {
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> packages = Files.list(sources)) {
            return packages.filter(Files::isDirectory)
                    .filter(p -> !Files.exists(p.resolve("package-info.java")))
                    .map(p -> "a feature package without its package-info.java (what it owns, what it uses): " + p)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> annotationNames(AnnotatedElement element) {
        return Arrays.stream(element.getAnnotations())
                .map(a -> a.annotationType().getName())
                .collect(Collectors.toSet());
    }

    /** Checks every rule on the service's main classes. */
    public static void check(String basePackage) {
        throwIfAny(failures(basePackage));
    }

    /**
     * Checks every rule, and that a module of the service reads another's tables only through its API
     * ({@link TableReaders}), save those its owner publishes ({@code publishedTables}: the tables each module lets the
     * others read, by module; none when empty).
     */
    public static void check(String basePackage, Map<String, Set<String>> publishedTables) {
        List<String> failures = failures(basePackage);
        failures.addAll(TableReaders.foreign(Path.of("src/main/java"), basePackage, publishedTables));
        throwIfAny(failures);
    }

    private static void throwIfAny(List<String> failures) {
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n\n", failures));
        }
    }

    /** What the rules find wrong with the service's main classes and sources; empty when nothing. */
    private static List<String> failures(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
        List<String> failures = new ArrayList<>();
        for (ArchRule rule : rules(basePackage)) {
            try {
                rule.check(classes);
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        List<Class<?>> controllers = classes.stream()
                .filter(c -> c.isAnnotatedWith(REST_CONTROLLER))
                .<Class<?>>map(JavaClass::reflect)
                .toList();
        SchemaNames.clashes(controllers)
                .forEach((name, clashing) ->
                        failures.add("one OpenAPI schema name for different classes (give one @Schema(name = …)): "
                                + name + " " + clashing));
        controllers.forEach(controller -> failures.addAll(aliasedMappings(controller)));
        controllers.forEach(controller -> failures.addAll(unvalidatedBodies(controller, basePackage)));
        Path sources = Path.of("src/main/java", basePackage.split("\\."));
        failures.addAll(TableWriters.shared(sources));
        failures.addAll(handSpelledRequired(sources));
        failures.addAll(undescribedFeatures(sources));
        return failures;
    }
}
