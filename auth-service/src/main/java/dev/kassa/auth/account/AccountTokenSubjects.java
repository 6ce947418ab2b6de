package dev.kassa.auth.account;

import dev.kassa.auth.token.TokenSubject;
import dev.kassa.auth.token.TokenSubjects;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A token's subject from the account tables: the active user and the role of each of their memberships. */
@Component
class AccountTokenSubjects implements TokenSubjects {

    private final UserRepository users;
    private final EmployeeRepository employees;

    AccountTokenSubjects(UserRepository users, EmployeeRepository employees) {
        this.users = users;
        this.employees = employees;
    }

    @Override
    public Optional<TokenSubject> active(long userId, Long onlyStore) {
        return users.findById(userId).filter(User::isActive).map(user -> {
            Map<String, String> stores = new LinkedHashMap<>();
            for (Membership m : employees.memberships(user.id())) {
                if (onlyStore == null || onlyStore.equals(m.store().id())) {
                    stores.put(m.store().tenantKey(), m.employee().role().code());
                }
            }
            return new TokenSubject(user.id(), user.username(), stores);
        });
    }
}
