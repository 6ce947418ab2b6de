package dev.kassa.gateway;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PathPatternsTests {

    final PathPatterns patterns = new PathPatterns(SecurityConfig.withTrailingSlash(List.of(
            "/api/users/auth/login", "/api/users/auth/pin-login", "/api/users/stores/**", "/actuator/health/**")));

    @Test
    void eitherSeparatorIsTheSamePathAsInTheServices() {
        assertThat(patterns.matches("/api/users/auth/pin-login")).isTrue();
        assertThat(patterns.matches("/api/users/auth/pin_login/")).isTrue();
        assertThat(patterns.matches("/api/users/auth/pinlogin")).isFalse();
    }

    @Test
    void exactPathsMatchWithAndWithoutTheirTrailingSlash() {
        assertThat(patterns.matches("/api/users/auth/login")).isTrue();
        assertThat(patterns.matches("/api/users/auth/login/")).isTrue();
        assertThat(patterns.matches("/api/users/auth/login/x")).isFalse();
        assertThat(patterns.matches("/api/users/auth/logins")).isFalse();
    }

    @Test
    void aTrailingDoubleStarCoversThePrefixAndEverythingBelowIt() {
        assertThat(patterns.matches("/api/users/stores")).isTrue();
        assertThat(patterns.matches("/api/users/stores/")).isTrue();
        assertThat(patterns.matches("/api/users/stores/7/employees/")).isTrue();
        assertThat(patterns.matches("/actuator/health/readiness")).isTrue();
        assertThat(patterns.matches("/api/users/storesx")).isFalse();
        assertThat(patterns.matches("/API/users/stores")).isFalse();
        assertThat(patterns.matches("/api/products/")).isFalse();
        assertThat(patterns.matches("")).isFalse();
    }
}
