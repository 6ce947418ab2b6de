package dev.kassa.platform.security;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publishes who may call each operation: the store roles whose permissions satisfy the operation's
 * {@code @PreAuthorize} expression (one of {@code Access}'s), as the extension {@code x-kassa-roles} and a line of its
 * description. Integrators see it in Swagger UI; the attack run in {@code infra} sends a role outside it and expects a
 * refusal. Operations without {@code @PreAuthorize} (public ones, or those that check the caller themselves) get none.
 */
public class OperationRoles implements OperationCustomizer {

    private static final Pattern AUTHORITY = Pattern.compile("'([a-z_]+)'");
    private static final String NOT_APPS = "!hasRole('APP')";

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getBeanType(), PreAuthorize.class);
        }
        if (rule == null) {
            return operation;
        }
        List<String> roles = rolesFor(rule.value(), changes(handlerMethod));
        operation.addExtension("x-kassa-roles", roles);
        List<String> scopes = scopesFor(rule.value());
        operation.addExtension("x-kassa-scopes", scopes);
        String line = "Roles: " + String.join(", ", roles) + "."
                + (scopes.isEmpty() ? " Not for apps." : " Apps with the scope " + String.join(" or ", scopes) + ".");
        operation.setDescription(
                operation.getDescription() == null || operation.getDescription().isBlank()
                        ? line
                        : operation.getDescription() + "\n\n" + line);
        return operation;
    }

    /**
     * The app scopes ({@link AppScope}) that pass an {@code Access} expression: none where it admits any employee
     * ({@link Access#MEMBER} refuses apps) or refuses apps outright ({@link Access#FILES}), else those holding one of the
     * authorities of each {@code and}-joined clause.
     */
    static List<String> scopesFor(String expression) {
        return expression.contains("isAuthenticated()") || expression.contains(NOT_APPS)
                ? List.of()
                : passing(expression, AppScope.values(), AppScope::permissions).stream()
                        .map(AppScope::code)
                        .toList();
    }

    /**
     * The roles that pass an {@code Access} expression: any role for {@code isAuthenticated()}, else those holding one of
     * the authorities of each {@code and}-joined clause.
     */
    static List<String> rolesFor(String expression) {
        return rolesFor(expression, false);
    }

    /**
     * The roles that may call an operation of this {@code Access} expression: on one that {@code changes} something, none
     * that only reads ({@link Role#readsOnly()}: {@link ReadOnlyRoleFilter} refuses it there whatever the rule says).
     */
    static List<String> rolesFor(String expression, boolean changes) {
        List<Role> passing = expression.contains("isAuthenticated()")
                ? List.of(Role.values())
                : passing(expression, Role.values(), Role::permissions);
        return passing.stream()
                .filter(role -> !(changes && role.readsOnly()))
                .map(Role::code)
                .toList();
    }

    /** Whether the operation is mapped to a method other than those that read (GET, HEAD, OPTIONS). */
    private static boolean changes(HandlerMethod handlerMethod) {
        RequestMapping mapping =
                AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(), RequestMapping.class);
        return mapping != null
                && Arrays.stream(mapping.method())
                        .anyMatch(method -> !ReadOnlyRoleFilter.READS.contains(method.name()));
    }

    /**
     * The candidates holding, for each {@code and}-joined clause of the expression, one of the clause's authorities; a
     * negated clause ({@code !hasRole('APP')}) keeps out apps, not roles, and is read by {@link #scopesFor} alone.
     */
    private static <T> List<T> passing(String expression, T[] candidates, Function<T, List<String>> permissions) {
        List<T> passing = new ArrayList<>(Arrays.asList(candidates));
        for (String clause : expression.split("\\s+and\\s+")) {
            if (clause.trim().startsWith("!")) {
                continue;
            }
            Matcher m = AUTHORITY.matcher(clause);
            List<String> authorities = new ArrayList<>();
            while (m.find()) {
                authorities.add(m.group(1));
            }
            passing.removeIf(c -> permissions.apply(c).stream().noneMatch(authorities::contains));
        }
        return passing;
    }
}
