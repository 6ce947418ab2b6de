package dev.kassa.platform.test;

import dev.kassa.platform.error.KassaError;
import dev.kassa.platform.error.NamedErrors;
import dev.kassa.platform.error.PlatformErrors;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Checks a service's named errors: each has a message in Russian and in English, and each code keeps one status. */
public final class ErrorCodes {
    private ErrorCodes() {}

    /**
     * Every error of the platform and of the {@link KassaError} enums under {@code basePackage}: its message key is in the
     * service's or the platform's Russian bundle and in the English one, and errors that share a code share its status.
     */
    public static void assertComplete(String basePackage) {
        List<KassaError> errors = NamedErrors.in(List.of(basePackage));
        Properties ru = load("messages.properties", "kassa/platform-messages.properties");
        Properties en = load("messages_en.properties", "kassa/platform-messages_en.properties");
        List<String> problems = new ArrayList<>();
        Map<String, Integer> statusOf = new HashMap<>();
        for (KassaError e : errors) {
            String name = e.getClass().getSimpleName() + "." + e;
            if (!ru.containsKey(e.messageKey())) {
                problems.add(name + ": no Russian message " + e.messageKey());
            }
            if (!en.containsKey(e.messageKey())) {
                problems.add(name + ": no English message " + e.messageKey());
            }
            if (!e.code().matches("[a-z][a-z_]*[a-z]")) {
                problems.add(name + ": code " + e.code() + " is not snake_case");
            }
            Integer other = statusOf.putIfAbsent(e.code(), e.status());
            if (other != null && other != e.status()) {
                problems.add(
                        name + ": code " + e.code() + " answers " + e.status() + " here and " + other + " elsewhere");
            }
        }
        if (errors.stream().noneMatch(e -> !(e instanceof PlatformErrors))
                && !basePackage.startsWith("dev.kassa.platform")) {
            problems.add("no named errors found under " + basePackage);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("Named errors are incomplete:\n  " + String.join("\n  ", problems));
        }
    }

    private static Properties load(String... resources) {
        Properties all = new Properties();
        for (String resource : resources) {
            try (InputStream in = ErrorCodes.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                    all.putAll(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }
}
