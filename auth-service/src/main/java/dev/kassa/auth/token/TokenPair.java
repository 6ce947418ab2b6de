package dev.kassa.auth.token;

/** The seed's token pair: {@code {"access": "…", "refresh": "…"}}. */
public record TokenPair(String access, String refresh) {}
