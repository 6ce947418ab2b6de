package dev.kassa.platform.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationRolesTests {

    @Test
    void eachAccessRuleNamesTheRolesOfTheEnforcementMatrix() {
        assertThat(OperationRoles.rolesFor(Access.MEMBER))
                .containsExactly("owner", "manager", "cashier", "stockkeeper");
        assertThat(OperationRoles.rolesFor(Access.SELL)).containsExactly("owner", "manager", "cashier");
        assertThat(OperationRoles.rolesFor(Access.MANAGE_EMPLOYEES)).containsExactly("owner", "manager");
        assertThat(OperationRoles.rolesFor(Access.DELETE_CATALOG)).containsExactly("owner");
        assertThat(OperationRoles.rolesFor(Access.EDIT_CATALOG)).containsExactly("owner", "manager", "stockkeeper");
        assertThat(OperationRoles.rolesFor(Access.MANAGE_INVENTORY)).containsExactly("owner", "manager", "stockkeeper");
        assertThat(OperationRoles.rolesFor(Access.VIEW_ANALYTICS)).containsExactly("owner", "manager", "stockkeeper");
        assertThat(OperationRoles.rolesFor(Access.VIEW_SALES_REPORTS)).containsExactly("owner", "manager");
        assertThat(OperationRoles.rolesFor(Access.READ_CATALOG))
                .containsExactly("owner", "manager", "cashier", "stockkeeper");
    }
}
