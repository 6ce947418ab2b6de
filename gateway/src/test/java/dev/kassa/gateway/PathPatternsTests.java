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

    @Test
    void aPatternIsOnlyAskedAboutPathsUnderItsLiteralSegments() {
        assertThat(PathPatterns.literalPrefix("/api/users/stores/**")).isEqualTo("/api/users/stores");
        assertThat(PathPatterns.literalPrefix("/api/products/{id}/card/")).isEqualTo("/api/products");
        assertThat(PathPatterns.literalPrefix("/api/users/auth/login/")).isEqualTo("/api/users/auth/login");
        assertThat(PathPatterns.literalPrefix("/**")).isEmpty();
        PathPatterns variable = new PathPatterns(List.of("/api/products/{id}/card", "/docs/*.html"));
        assertThat(variable.matches("/api/products/7/card")).isTrue();
        assertThat(variable.matches("/api/products/7/cards")).isFalse();
        assertThat(variable.matches("/docs/index.html")).isTrue();
        assertThat(variable.matches("/api/sales/sales/scan-item/")).isFalse();
    }
}
