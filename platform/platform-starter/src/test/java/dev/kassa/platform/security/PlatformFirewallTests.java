package dev.kassa.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformFirewallTests {

    private final HttpFirewall firewall = new KassaSecurityAutoConfiguration().httpFirewall();

    private HttpServletRequest firewalled(String name, String value) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/notes");
        request.addHeader(name, value);
        return firewall.getFirewalledRequest(request);
    }

    @Test
    void aHeaderIsReadUnderSpringSecuritysRuleCheckedCharacterByCharacter() {
        assertThat(firewalled("Authorization", "Bearer eyJ.abc-_\t=").getHeader("Authorization"))
                .isEqualTo("Bearer eyJ.abc-_\t=");
        assertThat(firewalled("X-Note", "Магазин «Азия»").getHeader("X-Note")).isEqualTo("Магазин «Азия»");
        assertThatThrownBy(() -> firewalled("X-Note", "a\u0085b").getHeader("X-Note"))
                .isInstanceOf(RequestRejectedException.class);
        assertThatThrownBy(() ->
                        firewalled("X-Note", "a\u0378b").getHeaders("X-Note").nextElement())
                .as("a character Unicode has not assigned")
                .isInstanceOf(RequestRejectedException.class);
        assertThatThrownBy(
                        () -> firewalled("X-No\u0001te", "a").getHeaderNames().nextElement())
                .isInstanceOf(RequestRejectedException.class);
    }

    @Test
    void theRestOfTheStrictFirewallStays() {
        MockHttpServletRequest encodedSlash = new MockHttpServletRequest("GET", "/api/notes%2F1");
        encodedSlash.setRequestURI("/api/notes%2F1");
        assertThatThrownBy(() -> firewall.getFirewalledRequest(encodedSlash))
                .isInstanceOf(RequestRejectedException.class);
    }
}
