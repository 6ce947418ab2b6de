package dev.kassa.platform.security;

import java.util.function.Predicate;

/**
 * The firewall's rule for header names and values, Spring Security's own (the gateway's
 * {@code StrictServerWebExchangeFirewall} and the services' {@code StrictHttpFirewall}: every character assigned in
 * Unicode and no control character, a value may hold tabs), checked character by character: the default checks it with
 * a regular expression, a new matcher for each header each time a filter reads it (about 2 KB of every proxied call in
 * the gateway, 2 % of the CPU of sales and catalog under the till's load).
 */
public final class HeaderCharacters {

    /** A header name: assigned characters, no control character. */
    public static final Predicate<String> NAMES = name -> allowed(name, false);

    /** A header value: assigned characters, no control character but the tab; no value at all passes, as in the default. */
    public static final Predicate<String> VALUES = value -> value == null || allowed(value, true);

    private HeaderCharacters() {}

    private static boolean allowed(String text, boolean tab) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.getType(c) == Character.UNASSIGNED || (Character.isISOControl(c) && !(tab && c == '\t'))) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
