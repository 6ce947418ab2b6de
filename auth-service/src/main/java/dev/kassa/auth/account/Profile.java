package dev.kassa.auth.account;

/** A user with their active membership in one store: what the caller's profile shows. */
public record Profile(User user, Store store, Employee employee) {}
