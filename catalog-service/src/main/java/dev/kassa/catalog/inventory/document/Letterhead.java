package dev.kassa.catalog.inventory.document;

import dev.kassa.platform.error.Messages;
import dev.kassa.platform.tenancy.TenantRegistry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What every document of a store prints the same way: the store's details at its head (name, legal name and tax id,
 * address, phone), times in the store's time zone, quantities and money.
 */
record Letterhead(List<String> store, ZoneId zone) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** The store's details as its profile holds them; its key when it has no name yet. */
    static Letterhead of(String storeKey, TenantRegistry.Profile profile, ZoneId zone) {
        List<String> lines = new ArrayList<>();
        lines.add(profile == null || blank(profile.name()) ? storeKey : profile.name());
        if (profile != null) {
            String legal = blank(profile.legalName()) ? "" : profile.legalName();
            if (!blank(profile.taxId())) {
                legal = (legal.isEmpty() ? "" : legal + ", ") + Messages.get("document.tax_id", profile.taxId());
            }
            add(lines, legal);
            add(lines, profile.address());
            if (!blank(profile.phone())) {
                lines.add(Messages.get("document.phone", profile.phone()));
            }
        }
        return new Letterhead(List.copyOf(lines), zone);
    }

    /** A moment as the store's clock showed it; empty for none. */
    String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    static String date(LocalDate day) {
        return day == null ? "" : day.toString();
    }

    /** A quantity without the zeros that end it ({@code 12.500} is {@code 12.5}). */
    static String quantity(BigDecimal q) {
        return q == null ? "" : q.stripTrailingZeros().toPlainString();
    }

    static String money(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** The text, or empty for none. */
    static String text(String value) {
        return value == null ? "" : value;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void add(List<String> lines, String value) {
        if (!blank(value)) {
            lines.add(value);
        }
    }
}
