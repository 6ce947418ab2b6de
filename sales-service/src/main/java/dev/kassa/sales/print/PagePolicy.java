package dev.kassa.sales.print;

import org.springframework.util.DigestUtils;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The Content-Security-Policy of a page sales renders for anyone with its link (the digital receipt, a table's menu):
 * nothing loads from elsewhere, and only the page's own style (and script, should it have one) applies: the one that
 * carries the nonce of this very answer, never markup that made its way into the page's data. A fresh nonce per answer
 * ({@link #nonce()}) goes on the page's {@code <style nonce="…">} and into {@link #header(String, boolean)}; the gateway
 * passes a public page's policy on as it is. A page a browser may keep and ask again for (the menu) is tagged by its
 * content without the nonce ({@link #etag(String)}), so that an unchanged page still costs a 304; the 304 carries no
 * policy, and the browser shows the page it kept under the policy (and nonce) that came with it.
 */
public final class PagePolicy {

    public static final String HEADER = "Content-Security-Policy";

    private static final SecureRandom RANDOM = new SecureRandom();

    private PagePolicy() {}

    /** A fresh nonce: 128 random bits, base64url without padding (22 characters). */
    public static String nonce() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /**
     * The policy of a page whose style and scripts carry {@code nonce}; {@code inlineImages}: its images are inline
     * ({@code data:} URIs, the receipt's QR code), none load from anywhere.
     */
    public static String header(String nonce, boolean inlineImages) {
        String source = "'nonce-" + nonce + "'";
        return "default-src 'none'; style-src " + source + "; script-src " + source
                + (inlineImages ? "; img-src data:" : "")
                + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    /** A weak ETag of a page rendered without its nonce: the same for every answer of the same content. */
    public static String etag(String pageWithoutNonce) {
        return "W/\"" + DigestUtils.md5DigestAsHex(pageWithoutNonce.getBytes(StandardCharsets.UTF_8)) + "\"";
    }

    /** Whether {@code If-None-Match} names {@code etag} (compared weakly, as for a GET) or is {@code *}. */
    public static boolean unchanged(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = opaque(etag);
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || opaque(t).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }
}
