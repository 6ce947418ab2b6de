package dev.kassa.auth;

import dev.kassa.platform.test.KassaWebSliceTests;
import dev.kassa.platform.test.MockedCollaborators;
import org.junit.jupiter.api.Test;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** What auth-service's web layer decides before any work: tokens, store keys, roles, request shapes. */
class AuthWebTests extends KassaWebSliceTests {

    @Test
    void onlyOwnersManageAppsAndOnlyManagersMakeEmployees() {
        for (String role : new String[] {"manager", "cashier", "stockkeeper", "operator", "viewer"}) {
            assertThat(as(role).get("/api/users/apps").text("/code")).as(role).isEqualTo("permission_denied");
            assertThat(as(role).post("/api/users/apps", json("name", "Shop site", "scopes", new String[] {"read_catalog"
                            }))
                            .text("/code"))
                    .as(role)
                    .isEqualTo("permission_denied");
        }
        // a viewer is refused by the platform before any rule (it changes nothing), the others by the operation's rule
        for (String role : new String[] {"cashier", "stockkeeper", "operator", "viewer"}) {
            assertThat(as(role).post(
                                    "/api/users/employees/",
                                    json(
                                            "username",
                                            "x1",
                                            "password",
                                            "SecurePass123",
                                            "first_name",
                                            "X",
                                            "role",
                                            "cashier"))
                            .text("/code"))
                    .as(role)
                    .isEqualTo("permission_denied");
        }
        assertThat(as("owner").post("/api/users/employees/", "{\"username\":").text("/code"))
                .isEqualTo("parse_error");
        assertThat(MockedCollaborators.called(context))
                .as("auth's own services (the token's revocation check is the web layer's)")
                .noneMatch(called -> called.startsWith("dev.kassa.auth."));
    }
}
