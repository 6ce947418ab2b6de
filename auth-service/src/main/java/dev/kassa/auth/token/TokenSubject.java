package dev.kassa.auth.token;

import java.util.Map;

/**
 * Who an access token speaks for: the user, their username and the stores it opens ({@code tenant_key → role}).
 *
 * @param userId   the token's subject
 * @param username shown by clients, carried as {@code username}
 * @param stores   the {@code stores} claim, in the order the memberships came
 */
public record TokenSubject(long userId, String username, Map<String, String> stores) {}
