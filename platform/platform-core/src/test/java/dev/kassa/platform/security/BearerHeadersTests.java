package dev.kassa.platform.security;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class BearerHeadersTests {

    /** Spring Security's expression (DefaultBearerTokenResolver, ServerBearerTokenAuthenticationConverter). */
    private static final Pattern SPRING =
            Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$", Pattern.CASE_INSENSITIVE);

    private static String spring(String header) {
        Matcher m = SPRING.matcher(header);
        return m.matches() ? m.group("token") : null;
    }

    @Test
    void readsWhatSpringSecuritysExpressionReadsAndNothingElse() {
        List<String> headers = new ArrayList<>(List.of(
                "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI3In0.c2lnbmF0dXJl",
                "bearer abc",
                "BEARER abc==",
                "Bearer abc=d",
                "Bearer =",
                "Bearer ",
                "Bearer",
                "Bearer  abc",
                "Bearer abc ",
                "Bearer a\tb",
                "Bearer ab\u00e7",
                "Bearer a-._~+/b",
                "Basic dXNlcjpwYXNz",
                "Bearerabc",
                "Token abc",
                ""));
        Random random = new Random(41);
        String alphabet = "aZ09-._~+/= \t\u00e7%Bb";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "bEaReR ");
            for (int i = random.nextInt(8); i > 0; i--) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(header.toString());
        }
        for (String header : headers) {
            assertThat(BearerHeaders.token(header)).as("[%s]", header).isEqualTo(spring(header));
        }
        assertThat(BearerHeaders.token(null)).isNull();
    }
}
