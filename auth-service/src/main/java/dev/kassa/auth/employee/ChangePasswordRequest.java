package dev.kassa.auth.employee;

import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.Required;

/**
 * One's own new password, with the old one that proves it is theirs. Whether the old one is right and the new one's
 * rules are the domain's ({@link EmployeePasswordService#changePassword}).
 */
@DomainValidated
public record ChangePasswordRequest(@Required String oldPassword, String newPassword) {}
