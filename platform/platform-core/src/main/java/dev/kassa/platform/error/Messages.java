package dev.kassa.platform.error;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Resolves message keys in the caller's language (Russian by default, English with
 * {@code Accept-Language: en}). The platform installs the application's {@link MessageSource} at start-up;
 * until then (and for unknown keys) the key itself is returned.
 */
public final class Messages {
    private Messages() {}

    private static volatile MessageSource source;

    public static void install(MessageSource messageSource) {
        source = messageSource;
    }

    public static String get(String key, Object... args) {
        MessageSource s = source;
        if (s == null) {
            return key;
        }
        return s.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    public static String language() {
        return LocaleContextHolder.getLocale().getLanguage();
    }
}
