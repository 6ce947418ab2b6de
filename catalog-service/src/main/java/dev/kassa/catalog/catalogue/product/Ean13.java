package dev.kassa.catalog.catalogue.product;

/** EAN-13 check digit (spec §3.2.2): odd positions + 3 × even positions, then (10 − total mod 10) mod 10. */
final class Ean13 {
    private Ean13() {}

    static int checkDigit(String twelveDigits) {
        int total = 0;
        for (int i = 0; i < 12; i++) {
            int d = twelveDigits.charAt(i) - '0';
            total += i % 2 == 0 ? d : 3 * d;
        }
        return (10 - total % 10) % 10;
    }

    /** Thirteen digits whose last is the check digit of the first twelve. */
    static boolean isValid(String code) {
        return code != null && code.matches("\\d{13}") && checkDigit(code.substring(0, 12)) == code.charAt(12) - '0';
    }
}
