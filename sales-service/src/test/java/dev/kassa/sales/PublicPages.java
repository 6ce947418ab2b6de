package dev.kassa.sales;

import dev.kassa.platform.test.Api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What a public page (a digital receipt, a table's menu) must answer for a browser to show it as it is drawn. */
final class PublicPages {

    private PublicPages() {}

    /**
     * The nonce of the page's Content-Security-Policy, once it is checked that the policy lets nothing in but by that
     * nonce (no {@code 'unsafe-inline'}) and that the page's one style element carries it, as a browser requires.
     */
    static String nonce(Api.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        String policy = page.header("Content-Security-Policy");
        assertThat(policy).as("the page's policy").isNotNull().startsWith("default-src 'none'");
        Matcher style = Pattern.compile("style-src 'nonce-([A-Za-z0-9_-]{22})'").matcher(policy);
        assertThat(style.find()).as("a nonce for the page's style in " + policy).isTrue();
        String nonce = style.group(1);
        assertThat(policy).doesNotContain("unsafe-inline").contains("script-src 'nonce-" + nonce + "'");
        assertThat(page.raw())
                .as("its one style element carries the policy's nonce")
                .containsOnlyOnce("<style")
                .contains("<style nonce=\"" + nonce + "\">")
                .doesNotContain(" style=\"");
        return nonce;
    }
}
