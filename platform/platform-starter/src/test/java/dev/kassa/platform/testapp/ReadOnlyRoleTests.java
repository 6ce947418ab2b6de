package dev.kassa.platform.testapp;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 87: a viewer reads everything in the store and changes nothing, whatever an operation's rule lets through. */
@KassaIntegrationTest
class ReadOnlyRoleTests {

    @LocalServerPort
    int port;

    Api as(long user, Map<String, String> stores, String store) {
        return new Api("http://localhost:" + port)
                .as(TestTokens.token(user, "user" + user, stores))
                .in(store);
    }

    static void assertRefused(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.text("/status")).isEqualTo("error");
        assertThat(r.text("/code")).isEqualTo("permission_denied");
        assertThat(r.text("/message")).isNotBlank();
        assertThat(r.text("/trace_id")).isNotBlank();
    }

    @Test
    void aViewerReadsButEveryWriteIsRefusedAndChangesNothing() {
        String store = TestStores.newKey("view");
        Api cashier = as(61, Map.of(store, "cashier"), store);
        Api viewer = as(62, Map.of(store, "viewer"), store);
        Api.Response kept = cashier.post("/api/notes/quick", json("text", "kept"));
        assertThat(kept.status()).as("any employee may write here: " + kept).isEqualTo(201);
        long id = kept.at("/id").asLong();

        // reads pass: a list its rule allows, one note, and HEAD and OPTIONS
        assertThat(viewer.get("/api/notes").status()).isEqualTo(200);
        assertThat(viewer.get("/api/notes/" + id).text("/text")).isEqualTo("kept");
        assertThat(viewer.send("HEAD", "/api/notes/" + id, null).status()).isEqualTo(200);
        assertThat(viewer.send("OPTIONS", "/api/notes/" + id, null).status()).isLessThan(300);
        int before = viewer.get("/api/notes").body().size();

        // every write is refused, though Access.MEMBER (and Access.FILES, an import) lets a viewer's token through
        assertRefused(viewer.post("/api/notes/quick", json("text", "added")));
        assertRefused(viewer.put("/api/notes/" + id, json("text", "replaced")));
        assertRefused(viewer.patch("/api/notes/" + id, json("text", "patched")));
        assertRefused(viewer.delete("/api/notes/" + id));
        assertRefused(viewer.post("/api/notes/imports", json("text", "imported")));
        assertRefused(viewer.english().delete("/api/notes/" + id));
        // even a write the rule would refuse anyway, and one with a bad body: the same answer, before anything is read
        assertRefused(viewer.post("/api/notes", json("text", "")));
        assertRefused(viewer.post("/api/notes/quick", "{"));

        assertThat(cashier.get("/api/notes/" + id).text("/text"))
                .as("nothing changed")
                .isEqualTo("kept");
        List<String> texts = cashier.get("/api/notes").body().findValuesAsText("text");
        assertThat(texts).hasSize(before).doesNotContain("added", "imported", "replaced", "patched");

        // the same writes by an owner pass: the refusal is the viewer's, not the operations'
        Api owner = as(63, Map.of(store, "owner"), store);
        assertThat(owner.post("/api/notes/imports", json("text", "imported")).status())
                .isEqualTo(201);
        assertThat(owner.patch("/api/notes/" + id, json("text", "patched")).text("/text"))
                .isEqualTo("patched");
        assertThat(owner.delete("/api/notes/" + id).status()).isEqualTo(204);
    }

    @Test
    void theGuardGoesByTheRoleInTheRequestsStore() {
        String watched = TestStores.newKey("watch");
        String owned = TestStores.newKey("own");
        Map<String, String> stores = Map.of(watched, "viewer", owned, "owner");
        Api inOwned = as(64, stores, owned);
        Api inWatched = as(64, stores, watched);
        Api.Response created = inOwned.post("/api/notes/quick", json("text", "mine"));
        assertThat(created.status())
                .as("an owner in their own store: " + created)
                .isEqualTo(201);
        assertRefused(inWatched.post("/api/notes/quick", json("text", "theirs")));
        assertThat(inWatched.get("/api/notes").body().findValuesAsText("text")).doesNotContain("theirs");
        assertThat(inOwned.get("/api/notes").body().findValuesAsText("text")).contains("mine");
    }

    @Test
    void anOperatorIsNoViewerButReadsNoCatalog() {
        String store = TestStores.newKey("oper");
        Api operator = as(65, Map.of(store, "operator"), store);
        assertThat(operator.post("/api/notes/quick", json("text", "reported")).status())
                .as("a member's write")
                .isEqualTo(201);
        assertRefused(operator.get("/api/notes"));
        assertRefused(operator.post("/api/notes", json("text", "a product")));
    }
}
