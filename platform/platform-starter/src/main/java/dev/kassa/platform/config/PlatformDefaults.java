package dev.kassa.platform.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;

/**
 * Adds the shared defaults of every Kassa service ({@code kassa-platform-defaults.properties}) with the
 * lowest precedence, so a service's own {@code application.yml} and the environment override them.
 * <p>
 * It also names this process: {@code kassa.instance-id}, a random id made once per start. Every database connection of
 * the process carries it as its {@code application_name} ({@code <service>/<id>}), so any instance can tell from
 * PostgreSQL whether another is still running ({@link #instanceName}): an instance that dies loses its connections.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    public static final String INSTANCE_ID = "kassa.instance-id";

    /** The {@code application_name} of this process's database connections, as {@code kassa.instance-name} holds it. */
    public static String instanceName(Environment environment) {
        return environment.getRequiredProperty("kassa.instance-name");
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            var properties =
                    PropertiesLoaderUtils.loadProperties(new ClassPathResource("kassa-platform-defaults.properties"));
            environment.getPropertySources().addLast(new PropertiesPropertySource("kassaPlatformDefaults", properties));
            if (!environment.containsProperty(INSTANCE_ID)) {
                environment
                        .getPropertySources()
                        .addFirst(new MapPropertySource(
                                "kassaInstance",
                                Map.of(INSTANCE_ID, UUID.randomUUID().toString())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
