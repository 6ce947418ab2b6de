package dev.kassa.task;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaWebSliceTests;
import dev.kassa.platform.test.MockedCollaborators;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** What task-service's web layer decides before any work: tokens, store keys, roles, request shapes. */
class TaskWebTests extends KassaWebSliceTests {

    @Test
    void strangersRolesAndUnreadableBodiesAreRefusedBeforeAnyTaskIsRead() {
        assertThat(as("cashier")
                        .post("/api/tasks/templates/", json("title", "x", "category", "y"))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(as("owner").post("/api/tasks/tasks/", "{\"title\":").text("/code"))
                .isEqualTo("parse_error");
        assertThat(Api.through(mvc)
                        .as(TestTokens.token(8, "o", Map.of(TestStores.newKey("oth"), "owner")))
                        .in(store)
                        .get("/api/tasks/tasks/")
                        .text("/code"))
                .isEqualTo("not_a_member");
        assertThat(Api.through(mvc).in(store).get("/api/tasks/tasks/").status()).isEqualTo(401);
        assertThat(as("owner").in(null).get("/api/tasks/tasks/").text("/code")).isEqualTo("missing_tenant_key");
        assertThat(MockedCollaborators.called(context)).isEmpty();
    }
}
