package dev.kassa.platform.test;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A web slice of a service: the named controllers with the platform's filters, security (tokens, store membership,
 * roles, scopes), request validation, path aliases and error bodies, in {@code MockMvc}, without a database or Kafka.
 * The controllers' collaborators are mocks ({@link MockedCollaborators}; a test's own {@code @MockitoBean} replaces one). Drive it with {@link Api#through}: the same client and
 * assertions as an integration test. Use it for what a request's shape decides (mapping, validation, refusals before
 * any work); keep {@link KassaIntegrationTest} for behaviour across the database and Kafka.
 *
 * <p>The platform's auto-configurations it adds are listed in
 * {@code META-INF/spring/dev.kassa.platform.test.KassaWebTest.imports}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(
        properties = {
            "kassa.security.service-secret=" + TestTokens.SERVICE_SECRET,
            "eureka.client.enabled=false",
            "spring.cloud.discovery.enabled=false"
        })
@ImportAutoConfiguration
@Import({TestSecurityConfiguration.class, MockedCollaborators.class})
public @interface KassaWebTest {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};
}
