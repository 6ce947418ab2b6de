package dev.kassa.analytics.webhook;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where webhooks may go, as production configures it (https, no private network allowed) and as an operator widens it. */
class TargetGuardTests {

    static WebhookProperties properties(boolean allowHttp, List<String> networks) {
        Duration s = Duration.ofSeconds(1);
        return new WebhookProperties(s, s, s, s, s, s, s, s, allowHttp, networks, 1, 20, s);
    }

    final TargetGuard production = new TargetGuard(properties(false, List.of()));

    @Test
    void productionTakesHttpsToPublicAddressesOnly() {
        assertThat(production.refusal("https://93.184.215.14/hooks/kassa")).isEmpty();
        assertThat(production.refusal("https://[2606:4700::6810:84e5]/hook")).isEmpty();
        assertThat(production.refusal("http://93.184.215.14/hook")).contains("webhooks.https_required");
        for (String url : List.of(
                "https://127.0.0.1/hook",
                "https://localhost/hook",
                "https://10.0.0.8/",
                "https://172.16.5.4/",
                "https://192.168.1.1/",
                "https://169.254.169.254/latest/meta-data/",
                "https://100.64.1.1/",
                "https://0.0.0.0/",
                "https://[::1]/",
                "https://[fe80::1]/",
                "https://[fd12:3456::1]/",
                "https://224.0.0.1/",
                "https://255.255.255.255/",
                // IPv6 forms that carry an IPv4 address to a translator or a tunnel (issue 60, point 6)
                "https://[64:ff9b::a9fe:a9fe]/",
                "https://[64:ff9b:1::a00:1]/",
                "https://[2002:a00:1::1]/",
                "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
                "https://[::a00:1]/")) {
            assertThat(production.refusal(url)).as(url).contains("webhooks.target_private");
        }
    }

    @Test
    void aUrlMustBeAbsoluteWithAHostAndNoCredentials() {
        assertThat(production.refusal("not a url")).contains("webhooks.url_invalid");
        assertThat(production.refusal("/relative")).contains("webhooks.url_invalid");
        assertThat(production.refusal("https://user:pw@93.184.215.14/")).contains("webhooks.url_invalid");
        assertThat(production.refusal("https://93.184.215.14/#part")).contains("webhooks.url_invalid");
        assertThat(production.refusal("https://no-such-host.invalid/")).contains("webhooks.host_unknown");
    }

    @Test
    void anOperatorAllowsNamedPrivateNetworksOnly() {
        TargetGuard lab = new TargetGuard(properties(true, List.of("10.20.0.0/16", "fd00::/8")));
        assertThat(lab.refusal("http://10.20.3.4/hook")).isEmpty();
        assertThat(lab.refusal("http://[fd00::5]/hook")).isEmpty();
        assertThat(lab.refusal("http://10.21.0.1/hook")).contains("webhooks.target_private");
        assertThat(lab.refusal("http://127.0.0.1/hook")).contains("webhooks.target_private");
        assertThat(lab.refusal("ftp://10.20.3.4/")).isEqualTo(Optional.of("webhooks.url_invalid"));
        assertThatThrownBy(() -> new TargetGuard(properties(false, List.of("10.0.0.0/33"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIsPrivateAndALookupThatDoesNotAnswerFailsInTime() throws Exception {
        TargetGuard mixed = new TargetGuard(properties(false, List.of()), host ->
                new InetAddress[] {InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.1.1.1")});
        assertThat(mixed.refusal("https://partner.example/hook")).contains("webhooks.target_private");
        CountDownLatch never = new CountDownLatch(1);
        TargetGuard silent = new TargetGuard(properties(false, List.of()), host -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownHostException(host);
        });
        long started = System.nanoTime();
        assertThat(silent.refusal("https://partner.example/hook")).contains("webhooks.host_unknown");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TargetGuard.LOOKUP_TIMEOUT.plusSeconds(2));
        never.countDown();
    }

    @Test
    void retriesWaitLongerEachTimeUpToTheLongest() {
        Duration s = Duration.ofSeconds(1);
        WebhookProperties p = new WebhookProperties(
                s,
                Duration.ofSeconds(30),
                Duration.ofHours(1),
                Duration.ofHours(24),
                s,
                s,
                s,
                s,
                false,
                List.of(),
                1,
                20,
                s);
        assertThat(p.retryAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.retryAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(p.retryAfter(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(p.retryAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(p.retryAfter(200)).isEqualTo(Duration.ofHours(1));
    }
}
