package dev.kassa.platform.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds the shared defaults of every Kassa service ({@code kassa-platform-defaults.properties}) with the
 * lowest precedence, so a service's own {@code application.yml} and the environment override them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            var properties = PropertiesLoaderUtils.loadProperties(new ClassPathResource("kassa-platform-defaults.properties"));
            environment.getPropertySources().addLast(new PropertiesPropertySource("kassaPlatformDefaults", properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
