package dev.kassa.platform.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationRolesTests {

    @Test
    void eachAccessRuleNamesTheRolesOfTheEnforcementMatrix() {
        assertThat(OperationRoles.rolesFor(Access.MEMBER))
                .containsExactly(
                        "owner", "manager", "cashier", "stockkeeper", "waiter", "kitchen", "operator", "viewer");
        assertThat(OperationRoles.rolesFor(Access.SELL)).containsExactly("owner", "manager", "cashier");
        assertThat(OperationRoles.rolesFor(Access.MANAGE_EMPLOYEES)).containsExactly("owner", "manager");
        assertThat(OperationRoles.rolesFor(Access.DELETE_CATALOG)).containsExactly("owner");
        assertThat(OperationRoles.rolesFor(Access.EDIT_CATALOG)).containsExactly("owner", "manager", "stockkeeper");
        assertThat(OperationRoles.rolesFor(Access.MANAGE_INVENTORY)).containsExactly("owner", "manager", "stockkeeper");
        assertThat(OperationRoles.rolesFor(Access.VIEW_ANALYTICS))
                .containsExactly("owner", "manager", "stockkeeper", "viewer");
        assertThat(OperationRoles.rolesFor(Access.VIEW_SALES_REPORTS)).containsExactly("owner", "manager", "viewer");
        assertThat(OperationRoles.rolesFor(Access.READ_CATALOG))
                .as("an operator sees no prices or costs: no product reads")
                .containsExactly("owner", "manager", "cashier", "stockkeeper", "waiter", "viewer");
        // a café's roles (issue 65): waiters take orders, the kitchen sees only its screen
        assertThat(OperationRoles.rolesFor(Access.TAKE_ORDERS))
                .containsExactly("owner", "manager", "cashier", "waiter");
        assertThat(OperationRoles.rolesFor(Access.KITCHEN))
                .containsExactly("owner", "manager", "cashier", "waiter", "kitchen");
    }

    @Test
    void eachAccessRuleNamesTheAppScopesThatPassItAndNoneWhereOnlyEmployeesMay() {
        assertThat(OperationRoles.scopesFor(Access.MEMBER)).isEmpty();
        assertThat(OperationRoles.scopesFor(Access.SELL)).as("no app sells").isEmpty();
        assertThat(OperationRoles.scopesFor(Access.MANAGE_SALES)).isEmpty();
        assertThat(OperationRoles.scopesFor(Access.MANAGE_EMPLOYEES)).isEmpty();
        assertThat(OperationRoles.scopesFor(Access.MANAGE_STORE)).isEmpty();
        assertThat(OperationRoles.scopesFor(Access.DELETE_CATALOG)).isEmpty();
        assertThat(OperationRoles.scopesFor(Access.READ_SALES)).containsExactly("sales:read");
        assertThat(OperationRoles.scopesFor(Access.READ_CATALOG)).containsExactly("catalog:read", "catalog:write");
        assertThat(OperationRoles.scopesFor(Access.EDIT_CATALOG)).containsExactly("catalog:write");
        assertThat(OperationRoles.scopesFor(Access.READ_CUSTOMERS))
                .containsExactly("customers:read", "customers:write");
        assertThat(OperationRoles.scopesFor(Access.CREATE_CUSTOMERS)).containsExactly("customers:write");
        assertThat(OperationRoles.scopesFor(Access.MANAGE_WEBHOOKS)).containsExactly("webhooks:manage");
        assertThat(OperationRoles.rolesFor(Access.MANAGE_WEBHOOKS)).containsExactly("owner");
        assertThat(OperationRoles.rolesFor(Access.READ_SALES)).containsExactly("owner", "manager", "cashier", "viewer");
    }

    @Test
    void productionsRulesNameItsRolesAndAViewerIsNeverListedWhereSomethingChanges() {
        // issue 87: MPSYSTEM's operator reports on the lines, its viewer reads everything and changes nothing
        assertThat(OperationRoles.rolesFor(Access.MANAGE_PRODUCTION)).containsExactly("owner", "manager");
        assertThat(OperationRoles.rolesFor(Access.OPERATE_PRODUCTION)).containsExactly("owner", "manager", "operator");
        assertThat(OperationRoles.rolesFor(Access.READ_PRODUCTION))
                .containsExactly("owner", "manager", "operator", "viewer");
        assertThat(OperationRoles.rolesFor(Access.MEMBER, true))
                .containsExactly("owner", "manager", "cashier", "stockkeeper", "waiter", "kitchen", "operator");
        assertThat(OperationRoles.rolesFor(Access.FILES, true)).containsExactly("owner", "manager");
        assertThat(OperationRoles.rolesFor(Access.FILES, false)).containsExactly("owner", "manager", "viewer");
        assertThat(OperationRoles.scopesFor(Access.MANAGE_PRODUCTION)).isEmpty();
    }
}
