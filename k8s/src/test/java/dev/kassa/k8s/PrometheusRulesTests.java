package dev.kassa.k8s;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The alert rules' unit tests ({@code promtool test rules}) in the build: {@code infra/observability/promtool-test} checks the
 * rules, runs their tests and checks that the PrometheusRule and the dashboards are what the generators write. Where promtool
 * is missing the script installs Debian's {@code prometheus} package (as root, without starting the daemon); where it cannot,
 * the test says so and is skipped ({@code -Dkassa.promtool.install=false} never installs).
 */
class PrometheusRulesTests {

    static final Path ROOT = ManifestsTests.K8S.getParent();

    @Test
    void alertRulesPassTheirUnitTests() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        "bash",
                        ROOT.resolve("infra/observability/promtool-test").toString())
                .redirectErrorStream(true);
        if ("false".equals(System.getProperty("kassa.promtool.install"))) {
            builder.environment().put("KASSA_PROMTOOL_INSTALL", "false");
        }
        Process process = builder.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("promtool-test took more than five minutes");
        }
        String out = output.join();
        assumeTrue(process.exitValue() != 3, "promtool is missing and could not be installed: " + out);
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).as("the rules were checked and their unit tests ran").contains("unit tests passed");
    }
}
