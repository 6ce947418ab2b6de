package dev.kassa.sales.print;

import java.util.ArrayList;
import java.util.List;

/**
 * A printed document as a till printer sees it, whatever it is printed as: a column of entries (a heading, centred text,
 * text, a row with a label on the left and an amount on the right, a rule) and, last, the QR code of a link.
 */
record Printout(String title, List<Entry> entries, String link) {

    enum Kind {
        HEADING,
        CENTER,
        TEXT,
        ROW,
        STRONG_ROW,
        RULE
    }

    /** One entry; {@code right} only for rows. */
    record Entry(Kind kind, String left, String right) {}

    static Builder titled(String title) {
        return new Builder(title);
    }

    static final class Builder {
        private final String title;
        private final List<Entry> entries = new ArrayList<>();
        private String link;

        private Builder(String title) {
            this.title = title;
        }

        Builder heading(String text) {
            return add(Kind.HEADING, text, "");
        }

        /** Centred text, left out when blank. */
        Builder center(String text) {
            return text == null || text.isBlank() ? this : add(Kind.CENTER, text, "");
        }

        Builder text(String text) {
            return add(Kind.TEXT, text, "");
        }

        /** A label and its value, left out when the value is null or blank. */
        Builder row(String label, String value) {
            return value == null || value.isBlank() ? this : add(Kind.ROW, label, value);
        }

        Builder strongRow(String label, String value) {
            return add(Kind.STRONG_ROW, label, value);
        }

        Builder rule() {
            return add(Kind.RULE, "", "");
        }

        Builder link(String link) {
            this.link = link;
            return this;
        }

        private Builder add(Kind kind, String left, String right) {
            entries.add(new Entry(kind, left == null ? "" : left, right == null ? "" : right));
            return this;
        }

        Printout build() {
            return new Printout(title, List.copyOf(entries), link);
        }
    }
}
