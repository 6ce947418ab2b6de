package dev.kassa.platform.security;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderCharactersTests {

    /** Spring Security's expressions (StrictServerWebExchangeFirewall, StrictHttpFirewall), which HeaderCharacters replaces. */
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void acceptsAndRefusesEveryCharacterAsSpringSecuritysExpressionsDo() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            // every code point of the basic plane, and a sample of the others (each plane's assigned and unassigned
            // ranges)
            if (c > 0xFFFF && c % 7 != 0) {
                continue;
            }
            String one = new String(Character.toChars(c));
            String framed = "a" + one + "b";
            assertThat(HeaderCharacters.NAMES.test(framed))
                    .as("name with U+%04X", c)
                    .isEqualTo(NAMES.matcher(framed).matches());
            assertThat(HeaderCharacters.VALUES.test(one))
                    .as("value U+%04X", c)
                    .isEqualTo(VALUES.matcher(one).matches());
        }
    }

    @Test
    void readsTheHeadersATillSends() {
        assertThat(HeaderCharacters.NAMES.test("X-Tenant-Key")).isTrue();
        assertThat(HeaderCharacters.VALUES.test("Bearer eyJ.abc-_\t=")).isTrue();
        assertThat(HeaderCharacters.VALUES.test("Магазин «Азия» 😀")).isTrue();
        assertThat(HeaderCharacters.VALUES.test("")).isTrue();
        assertThat(HeaderCharacters.VALUES.test(null))
                .as("a header read that has no value")
                .isTrue();
        assertThat(HeaderCharacters.VALUES.test("a\nb")).isFalse();
        assertThat(HeaderCharacters.VALUES.test("a\u0000")).isFalse();
        assertThat(HeaderCharacters.NAMES.test("a\tb")).isFalse();
        assertThat(HeaderCharacters.VALUES.test("\uD800"))
                .isEqualTo(VALUES.matcher("\uD800").matches());
    }
}
