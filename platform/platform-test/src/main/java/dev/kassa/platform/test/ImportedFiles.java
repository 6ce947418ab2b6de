package dev.kassa.platform.test;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An upload to an import, followed as a user follows it: accepted, then looked at until it has ended. */
public final class ImportedFiles {
    private ImportedFiles() {}

    /** The job once it is {@code done} or {@code failed}; {@code accepted} must be its 202 at {@code jobsPath}. */
    public static JsonNode finished(Api api, Api.Response accepted, String jobsPath) {
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String location = accepted.header("Location");
        assertThat(location).isEqualTo(jobsPath + accepted.text("/id"));
        JsonNode[] job = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    job[0] = api.get(location).body();
                    return List.of("done", "failed")
                            .contains(job[0].path("status").asText());
                });
        return job[0];
    }
}
