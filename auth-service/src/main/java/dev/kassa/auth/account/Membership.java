package dev.kassa.auth.account;

/** An active employee record of a user together with its active store. */
public record Membership(Store store, Employee employee) {}
