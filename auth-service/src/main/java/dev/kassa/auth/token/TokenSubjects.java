package dev.kassa.auth.token;

import java.util.Optional;

/**
 * Where tokens learn who they are for. Implemented by the account feature, so tokens know nothing of users, stores or
 * memberships and the two features do not depend on each other in a circle.
 */
public interface TokenSubjects {

    /**
     * An active user with the stores of their active memberships; with {@code onlyStore}, that one store only (PIN login on
     * a shared till). Empty when the user is missing or deactivated.
     */
    Optional<TokenSubject> active(long userId, Long onlyStore);
}
