package dev.kassa.platform.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * What every service reads of auth's {@code EmployeeRoleChanged}, {@code EmployeeDeactivated},
 * {@code UserPasswordChanged} (one per store of the user) and {@code StoreDeactivated} (brief §4): tokens for the store (of one user, or of everyone when
 * {@code user_id} is absent) issued before {@code at} stop working. Auth publishes the full events;
 * their other fields (roles, employee id) are for readers that want them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccessChanged(
        @JsonProperty("tenant_key") String tenantKey, @JsonProperty("user_id") Long userId, Instant at) {

    public static final String ROLE_CHANGED = "EmployeeRoleChanged";
    public static final String EMPLOYEE_DEACTIVATED = "EmployeeDeactivated";
    public static final String STORE_DEACTIVATED = "StoreDeactivated";
    /** A password was changed or reset: the person's live access tokens end, not only their refresh tokens. */
    public static final String PASSWORD_CHANGED = "UserPasswordChanged";
    /** An app was revoked or its secret rotated: its tokens ({@code user_id} is their subject, the app's id negated) end. */
    public static final String APP_REVOKED = "AppAccessRevoked";
}
