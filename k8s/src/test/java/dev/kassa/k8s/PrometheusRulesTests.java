package dev.kassa.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The alert rules' unit tests ({@code promtool test rules}) in the build: {@code infra/observability/promtool-test} checks the
 * rules, runs their tests and checks that the PrometheusRule and the dashboards are what the generators write. It installs
 * nothing: without promtool the test fails and names {@code infra/install-checks}, which the README's test command and CI
 * run first.
 */
class PrometheusRulesTests {

    static final Path ROOT = ManifestsTests.K8S.getParent();

    @Test
    void alertRulesPassTheirUnitTests() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        "bash",
                        ROOT.resolve("infra/observability/promtool-test").toString())
                .redirectErrorStream(true);
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
        assertThat(process.exitValue())
                .as(
                        "promtool is missing: run infra/install-checks (as root it installs Debian's prometheus package)%n%s",
                        out)
                .isNotEqualTo(3);
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).as("the rules were checked and their unit tests ran").contains("unit tests passed");
    }
    /**
     * Every alert links its runbook absolutely: the one base the rules file names in its header ({@code # Runbooks: <url>}),
     * {@code #} and the alert's name in lower case, which is a section ({@code ### <Alert>}) of docs/operations.md.
     */
    @Test
    void everyAlertLinksItsRunbookFromOneBase() throws IOException {
        Path rules = ROOT.resolve("k8s/components/monitoring/rules/kassa.rules.yml");
        String base = Files.readAllLines(rules).stream()
                .filter(l -> l.startsWith("# Runbooks: "))
                .map(l -> l.substring("# Runbooks: ".length()).trim())
                .findFirst()
                .orElseThrow(() -> new AssertionError("kassa.rules.yml names its runbooks' base: # Runbooks: <url>"));
        assertThat(base).startsWith("https://").endsWith("/docs/operations.md");
        String operations = Files.readString(ROOT.resolve("docs/operations.md"));
        List<String> alerts = new ArrayList<>();
        for (JsonNode group : ManifestsTests.YAML.readTree(rules.toFile()).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("alert")) {
                    String name = rule.path("alert").asText();
                    alerts.add(name);
                    assertThat(rule.at("/annotations/runbook_url").asText())
                            .as(name)
                            .isEqualTo(base + "#" + name.toLowerCase(Locale.ROOT));
                    assertThat(operations)
                            .as("docs/operations.md has the runbook of " + name)
                            .contains("\n### " + name + "\n");
                }
            }
        }
        assertThat(alerts).hasSizeGreaterThan(15);
    }
}
