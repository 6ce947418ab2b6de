package dev.kassa.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Renders every overlay of {@code k8s/overlays} and the infrastructure ({@code k8s/infrastructure} and its variants)
 * with {@code kubectl kustomize}, parses each object into fabric8's Kubernetes model (Strimzi's API model for Kafka
 * kinds; CloudNativePG and Prometheus Operator kinds as generic objects) and checks what a cluster would otherwise
 * only show after a failed deployment: probes, resources and security of every Deployment, images of the build's
 * modules, Services that select pods, every environment variable a service needs, the network flows of the README's
 * table, replicas and disruption budgets of production, the Ingress, and the infrastructure the pods are wired to.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManifestsTests {

    static final Path K8S = Path.of(
                    System.getProperty("kassa.k8s.dir", System.getProperty("basedir", System.getProperty("user.dir"))))
            .toAbsolutePath();
    static final Path ROOT = K8S.getParent();
    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String PART_OF = "app.kubernetes.io/part-of";
    static final String NAME = "app.kubernetes.io/name";
    static final int NON_ROOT_UID = 65532;
    /** Kinds a render may hold; anything else is a typo or something nobody reviewed. */
    static final Set<String> KNOWN_KINDS = Set.of(
            "Namespace",
            "ConfigMap",
            "Service",
            "ServiceAccount",
            "Deployment",
            "NetworkPolicy",
            "PodDisruptionBudget",
            "HorizontalPodAutoscaler",
            "Ingress",
            "PodMonitor",
            "PrometheusRule",
            "Kafka",
            "KafkaNodePool",
            "KafkaTopic",
            "KafkaUser",
            "Cluster",
            "ScheduledBackup",
            "ImageCatalog",
            "ObjectStore",
            "ExternalSecret");

    static final Map<String, Class<? extends HasMetadata>> STRIMZI = Map.of(
            "Kafka",
            Kafka.class,
            "KafkaNodePool",
            KafkaNodePool.class,
            "KafkaTopic",
            KafkaTopic.class,
            "KafkaUser",
            KafkaUser.class);
    /** Eureka's settings are not read when the client is off (EUREKA_CLIENT_ENABLED=false). */
    static final String EUREKA_PREFIX = "eureka.";

    String kubectl;
    final Map<String, Render> overlays = new TreeMap<>();
    final Map<String, Render> infrastructures = new TreeMap<>();
    /** k8s/infrastructure/restore: a database bootstrapped from its backups (not applied with the rest). */
    Render restore;

    record Render(String name, Path dir, List<HasMetadata> objects) {
        <T extends HasMetadata> List<T> all(Class<T> type) {
            return objects.stream().filter(type::isInstance).map(type::cast).toList();
        }

        List<GenericKubernetesResource> generic(String kind) {
            return objects.stream()
                    .filter(o -> o instanceof GenericKubernetesResource && kind.equals(o.getKind()))
                    .map(GenericKubernetesResource.class::cast)
                    .toList();
        }

        <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
            return all(type).stream()
                    .filter(o -> name.equals(o.getMetadata().getName()))
                    .findFirst();
        }
    }

    @BeforeAll
    void render() throws IOException {
        kubectl = Stream.of(System.getenv("KUBECTL"), "/usr/bin/kubectl", "/usr/local/bin/kubectl")
                .filter(Objects::nonNull)
                .filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst()
                .orElse(null);
        assertThat(kubectl)
                .as(
                        "kubectl is not installed (looked at $KUBECTL, /usr/bin/kubectl, /usr/local/bin/kubectl): the Kubernetes "
                                + "manifests cannot be checked; infra/install-checks says how to get it")
                .isNotNull();
        List<Path> overlayDirs;
        try (Stream<Path> dirs = Files.list(K8S.resolve("overlays"))) {
            overlayDirs = dirs.filter(d -> Files.exists(d.resolve("kustomization.yaml")))
                    .sorted()
                    .toList();
        }
        List<CompletableFuture<Render>> jobs = new ArrayList<>();
        for (Path dir : overlayDirs) {
            jobs.add(
                    CompletableFuture.supplyAsync(() -> render(dir.getFileName().toString(), dir)));
        }
        Path infra = K8S.resolve("infrastructure");
        jobs.add(CompletableFuture.supplyAsync(() -> render("infrastructure", infra)));
        try (Stream<Path> dirs = Files.list(infra)) {
            for (Path dir : dirs.filter(d -> Files.exists(d.resolve("kustomization.yaml")))
                    .sorted()
                    .toList()) {
                if (!Files.readString(dir.resolve("kustomization.yaml")).contains("kind: Component")
                        && !dir.getFileName().toString().equals("base")
                        && !dir.getFileName().toString().equals("restore")) {
                    jobs.add(CompletableFuture.supplyAsync(() -> render("infrastructure/" + dir.getFileName(), dir)));
                }
            }
        }
        CompletableFuture<Render> restoreJob =
                CompletableFuture.supplyAsync(() -> render("restore", infra.resolve("restore")));
        for (CompletableFuture<Render> job : jobs) {
            Render r = job.join();
            (r.name().startsWith("infrastructure") ? infrastructures : overlays).put(r.name(), r);
        }
        restore = restoreJob.join();
        assertThat(overlays).as("overlays").containsKeys("dev", "prod");
    }

    Render render(String name, Path dir) {
        try {
            Process process = new ProcessBuilder(kubectl, "kustomize", dir.toString())
                    .redirectErrorStream(false)
                    .start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String out = read(process.getInputStream());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("kubectl kustomize %s took more than a minute", dir);
            }
            assertThat(process.exitValue())
                    .as("kubectl kustomize %s failed:%n%s", K8S.relativize(dir), err.join())
                    .isZero();
            List<HasMetadata> objects = new ArrayList<>();
            for (String doc : out.split("(?m)^---\\s*$")) {
                if (!doc.isBlank()) {
                    objects.add(parse(name, doc));
                }
            }
            return new Render(name, dir, objects);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String read(InputStream in) {
        try (in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HasMetadata parse(String render, String doc) {
        GenericKubernetesResource generic = SERIALIZATION.unmarshal(doc, GenericKubernetesResource.class);
        String kind = generic.getKind();
        String where = render + ": " + kind + " " + generic.getMetadata().getName();
        assertThat(KNOWN_KINDS).as("kind of %s", where).contains(kind);
        if (STRIMZI.containsKey(kind)) {
            // the model reads every version; the cluster should get v1, the only one Strimzi 1.0 serves
            assertThat(generic.getApiVersion()).as("apiVersion of %s", where).isEqualTo("kafka.strimzi.io/v1");
        }
        HasMetadata object = STRIMZI.containsKey(kind)
                ? SERIALIZATION.unmarshal(doc, STRIMZI.get(kind))
                : SERIALIZATION.unmarshal(doc);
        if (!(object instanceof GenericKubernetesResource)) {
            List<String> unknown = new ArrayList<>();
            unknownFields(object, "", unknown, new IdentityHashMap<>());
            assertThat(unknown)
                    .as("fields the model of %s does not know (typos?)", where)
                    .isEmpty();
        }
        return object;
    }

    /** Fields a typed model did not recognise end in its additionalProperties: there should be none. */
    static void unknownFields(Object value, String path, List<String> unknown, IdentityHashMap<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null || path.length() > 400) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown, seen));
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.strimzi.api")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || getter.getDeclaringClass() == Object.class
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))
                    || Modifier.isStatic(getter.getModifiers())) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add((path.isEmpty() ? "" : path + ".") + extra.keySet());
                }
            } else {
                String field = Character.toLowerCase(
                                getter.getName().charAt(getter.getName().startsWith("is") ? 2 : 3))
                        + getter.getName().substring(getter.getName().startsWith("is") ? 3 : 4);
                unknownFields(child, path + "." + field, unknown, seen);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Deployments

    @Test
    void everyDeploymentHasProbesResourcesAndTheRestrictedSecurityContext() {
        overlays.values().forEach(r -> {
            assertThat(r.all(Deployment.class)).as("%s: Deployments", r.name()).isNotEmpty();
            for (Deployment d : r.all(Deployment.class)) {
                String where = r.name() + ": Deployment " + d.getMetadata().getName();
                PodSpec pod = d.getSpec().getTemplate().getSpec();
                assertThat(d.getMetadata().getLabels())
                        .as(where)
                        .containsEntry(NAME, d.getMetadata().getName())
                        .containsEntry(PART_OF, "kassa");
                assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
                        .as(where + " pods")
                        .containsEntry(NAME, d.getMetadata().getName())
                        .containsEntry(PART_OF, "kassa");
                assertThat(pod.getContainers()).as(where).hasSize(1);
                Container c = pod.getContainers().get(0);
                assertProbe(where + " startupProbe", c.getStartupProbe(), "/actuator/health/liveness");
                assertProbe(where + " livenessProbe", c.getLivenessProbe(), "/actuator/health/liveness");
                assertProbe(where + " readinessProbe", c.getReadinessProbe(), "/actuator/health/readiness");
                assertThat(c.getResources()).as(where + " resources").isNotNull();
                assertThat(c.getResources().getRequests())
                        .as(where + " requests")
                        .containsKeys("cpu", "memory");
                assertThat(c.getResources().getLimits()).as(where + " limits").containsKeys("cpu", "memory");

                PodSecurityContext podSecurity = pod.getSecurityContext();
                assertThat(podSecurity).as(where + " pod securityContext").isNotNull();
                assertThat(podSecurity.getRunAsNonRoot())
                        .as(where + " runAsNonRoot")
                        .isTrue();
                assertThat(podSecurity.getRunAsUser()).as(where + " runAsUser").isEqualTo(NON_ROOT_UID);
                assertThat(podSecurity.getSeccompProfile().getType())
                        .as(where + " seccomp")
                        .isEqualTo("RuntimeDefault");
                SecurityContext security = c.getSecurityContext();
                assertThat(security).as(where + " container securityContext").isNotNull();
                assertThat(security.getRunAsNonRoot())
                        .as(where + " runAsNonRoot")
                        .isTrue();
                assertThat(security.getRunAsUser()).as(where + " runAsUser").isEqualTo(NON_ROOT_UID);
                assertThat(security.getReadOnlyRootFilesystem())
                        .as(where + " readOnlyRootFilesystem")
                        .isTrue();
                assertThat(security.getAllowPrivilegeEscalation())
                        .as(where + " allowPrivilegeEscalation")
                        .isFalse();
                assertThat(security.getCapabilities().getDrop())
                        .as(where + " capabilities.drop")
                        .contains("ALL");
                assertThat(security.getCapabilities().getAdd())
                        .as(where + " capabilities.add")
                        .isNullOrEmpty();
                assertThat(security.getSeccompProfile().getType())
                        .as(where + " seccomp")
                        .isEqualTo("RuntimeDefault");

                String tmpVolume = c.getVolumeMounts().stream()
                        .filter(m -> m.getMountPath().equals("/tmp"))
                        .map(m -> m.getName())
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(where + ": nothing writable mounted at /tmp"));
                Volume tmp = pod.getVolumes().stream()
                        .filter(v -> v.getName().equals(tmpVolume))
                        .findFirst()
                        .orElseThrow();
                assertThat(tmp.getEmptyDir()).as(where + " /tmp is an emptyDir").isNotNull();

                assertThat(pod.getAutomountServiceAccountToken())
                        .as(where + " automountServiceAccountToken")
                        .isFalse();
                ServiceAccount account = r.named(ServiceAccount.class, pod.getServiceAccountName())
                        .orElseThrow(
                                () -> new AssertionError(where + ": no ServiceAccount " + pod.getServiceAccountName()));
                assertThat(account.getAutomountServiceAccountToken())
                        .as(where + " ServiceAccount automount")
                        .isFalse();
                assertThat(pod.getTopologySpreadConstraints())
                        .as(where + " topologySpreadConstraints")
                        .isNotEmpty();
                assertThat(c.getPorts())
                        .as(where + " ports")
                        .extracting(ContainerPort::getName)
                        .contains("http");
            }
        });
    }

    static void assertProbe(String where, Probe probe, String path) {
        assertThat(probe).as(where).isNotNull();
        assertThat(probe.getHttpGet()).as(where + " httpGet").isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(where + " path").isEqualTo(path);
        assertThat(probe.getHttpGet().getPort()).as(where + " port").isEqualTo(new IntOrString("http"));
    }

    @Test
    void podsDrainBeforeTheyStopAndStopWithinTheGracePeriod() {
        overlays.values().forEach(r -> r.all(Deployment.class).forEach(d -> {
            String where = r.name() + ": Deployment " + d.getMetadata().getName();
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(c.getLifecycle()).as(where + " lifecycle").isNotNull();
            var preStop = c.getLifecycle().getPreStop();
            assertThat(preStop).as(where + " preStop").isNotNull();
            long sleep = preStop.getSleep() != null ? preStop.getSleep().getSeconds() : 0;
            assertThat(sleep)
                    .as(where + " preStop sleep (seconds), so the endpoint leaves the Services first")
                    .isGreaterThanOrEqualTo(5);
            Duration shutdown = shutdownTimeout(d.getMetadata().getName());
            long grace = d.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
            assertThat(grace)
                    .as(
                            "%s: terminationGracePeriodSeconds above preStop (%d s) + graceful shutdown (%s) + 15 s for the rest",
                            where, sleep, shutdown)
                    .isGreaterThanOrEqualTo(sleep + shutdown.toSeconds() + 15);
        }));
    }

    /** spring.lifecycle.timeout-per-shutdown-phase of a module, else the platform's defaults, else Spring's 30 s. */
    static Duration shutdownTimeout(String module) {
        Map<String, String> settings = settings(module);
        String value = settings.getOrDefault("spring.lifecycle.timeout-per-shutdown-phase", "30s");
        Matcher m = Pattern.compile("(\\d+)(ms|s|m)?").matcher(value.trim());
        assertThat(m.matches())
                .as("timeout-per-shutdown-phase of %s: %s", module, value)
                .isTrue();
        long n = Long.parseLong(m.group(1));
        return "ms".equals(m.group(2))
                ? Duration.ofMillis(n)
                : "m".equals(m.group(2)) ? Duration.ofMinutes(n) : Duration.ofSeconds(n);
    }

    @Test
    void imagesAreModulesOfTheBuildAndProductionPinsThemInARegistry() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Set<String> modules = new TreeSet<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        while (m.find()) {
            modules.add(m.group(1).trim());
        }
        Pattern image = Pattern.compile(
                "^(?:(?<registry>.+)/)?kassa/(?<module>[a-z0-9-]+)(?::(?<tag>[^@]+))?(?:@(?<digest>sha256:[0-9a-f]{64}))?$");
        overlays.values().forEach(r -> r.all(Deployment.class).forEach(d -> {
            String where = r.name() + ": Deployment " + d.getMetadata().getName();
            String ref =
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
            Matcher im = image.matcher(ref);
            assertThat(im.matches())
                    .as("%s: image %s is not [registry/]kassa/<module>:<tag>", where, ref)
                    .isTrue();
            String module = im.group("module");
            assertThat(modules)
                    .as("%s: image %s names a module of the root pom", where, ref)
                    .contains(module);
            assertThat(ROOT.resolve(module).resolve("src/main/resources/application.yml"))
                    .as(where + ": the module runs as a service")
                    .exists();
            assertThat(module)
                    .as(where + ": image of its own module")
                    .isEqualTo(d.getMetadata().getName());
            assertThat(d.getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .get(0)
                            .getName())
                    .as(where + " container")
                    .isEqualTo(module);
            if (r.name().equals("prod")) {
                assertThat(im.group("registry"))
                        .as(where + ": production pulls from a registry")
                        .isNotBlank();
                assertThat(im.group("tag") != null || im.group("digest") != null)
                        .as(where + ": pinned")
                        .isTrue();
                if (im.group("digest") == null) {
                    assertThat(im.group("tag"))
                            .as(where + ": a release tag, not a moving one")
                            .doesNotEndWith("-SNAPSHOT")
                            .isNotEqualTo("latest");
                }
            }
        }));
    }

    @Test
    void everyServiceSelectsThePodsOfADeploymentAndPointsAtAPortOfIt() {
        overlays.values().forEach(r -> {
            for (Service s : r.all(Service.class)) {
                String where = r.name() + ": Service " + s.getMetadata().getName();
                assertThat(s.getSpec().getType())
                        .as(where + " type (only the Ingress is public)")
                        .isIn(null, "ClusterIP");
                Map<String, String> selector = s.getSpec().getSelector();
                assertThat(selector).as(where + " selector").isNotEmpty();
                List<Deployment> selected = r.all(Deployment.class).stream()
                        .filter(d -> d.getSpec()
                                .getTemplate()
                                .getMetadata()
                                .getLabels()
                                .entrySet()
                                .containsAll(selector.entrySet()))
                        .toList();
                assertThat(selected)
                        .as(where + " selects the pods of exactly one Deployment")
                        .hasSize(1);
                Deployment d = selected.get(0);
                assertThat(d.getMetadata().getName())
                        .as(where)
                        .isEqualTo(s.getMetadata().getName());
                Set<String> portNames = d.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().stream()
                        .map(ContainerPort::getName)
                        .collect(Collectors.toSet());
                Set<Integer> portNumbers =
                        d.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().stream()
                                .map(ContainerPort::getContainerPort)
                                .collect(Collectors.toSet());
                s.getSpec().getPorts().forEach(p -> {
                    IntOrString target = p.getTargetPort();
                    if (target.getStrVal() != null) {
                        assertThat(portNames).as(where + " targetPort").contains(target.getStrVal());
                    } else {
                        assertThat(portNumbers).as(where + " targetPort").contains(target.getIntVal());
                    }
                });
                int port = containerPort(d, "http");
                assertThat(s.getSpec().getPorts())
                        .as(where + ": serves on the port the others call (the service's own)")
                        .anySatisfy(p -> assertThat(p.getPort()).isEqualTo(port));
            }
            r.all(Deployment.class).forEach(d -> assertThat(
                            r.named(Service.class, d.getMetadata().getName()))
                    .as(
                            "%s: Service of Deployment %s",
                            r.name(), d.getMetadata().getName())
                    .isPresent());
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Environment

    @Test
    void everyVariableAServiceNeedsIsSetAndPointsAtSomethingThatExists() {
        overlays.values().forEach(r -> {
            Render infra = infrastructureFor(r);
            for (Deployment d : r.all(Deployment.class)) {
                String module = d.getMetadata().getName();
                String where = r.name() + ": " + module;
                Map<String, String> env = environment(r, d);
                Map<String, String> settings = settings(module);
                boolean eurekaOff = "false".equals(env.get("EUREKA_CLIENT_ENABLED"));
                Set<String> needed = new TreeSet<>();
                settings.forEach((key, value) -> placeholders(value).forEach((variable, defaultValue) -> {
                    if (eurekaOff && key.startsWith(EUREKA_PREFIX)) {
                        return;
                    }
                    // a default that only Eureka resolves (lb://…) reaches nothing in a pod without it
                    if (defaultValue == null
                            || defaultValue.isBlank()
                            || defaultValue.contains("127.0.0.1")
                            || defaultValue.contains("localhost")
                            || (eurekaOff
                                    && defaultValue.startsWith("lb://")
                                    && !key.startsWith("spring.cloud.gateway"))) {
                        needed.add(variable);
                    }
                }));
                assertThat(needed)
                        .as(where + ": variables read without a default fit for a pod")
                        .isNotEmpty();
                assertThat(env.keySet()).as("%s: set among %s", where, needed).containsAll(needed);
                needed.forEach(v -> assertThat(env.get(v)).as(where + " " + v).isNotBlank());
                assertThat(env)
                        .as(where)
                        .containsEntry("SPRING_PROFILES_ACTIVE", "k8s")
                        .containsEntry("KASSA_BIND_ADDRESS", "0.0.0.0")
                        .containsEntry("EUREKA_CLIENT_ENABLED", "false");
                assertThat(env.get("PORT"))
                        .as(where + " PORT = the container's http port")
                        .isEqualTo(String.valueOf(containerPort(d, "http")));
                assertThat(env.get("KASSA_SERVICE_SECRET"))
                        .as(where)
                        .isEqualTo("secret:kassa-service-secret/service-secret");

                assertUrl(r, where + " KASSA_JWKS_URI", env.get("KASSA_JWKS_URI"), "auth-service");
                if (env.containsKey("KASSA_CATALOG_URL")) {
                    assertUrl(r, where + " KASSA_CATALOG_URL", env.get("KASSA_CATALOG_URL"), "catalog-service");
                }
                if (env.containsKey("KASSA_CUSTOMER_URL")) {
                    assertUrl(r, where + " KASSA_CUSTOMER_URL", env.get("KASSA_CUSTOMER_URL"), "customer-service");
                }
                if (settings.containsKey("spring.datasource.url")) {
                    assertDatabase(where, env, settings.get("spring.datasource.url"), infra);
                }
                if (settings.containsKey("spring.kafka.bootstrap-servers")) {
                    assertKafka(where, env, infra);
                }
            }
        });
    }

    /** Every variable of a container: env, and the keys of the ConfigMaps it takes whole; secrets as secret:name/key. */
    static Map<String, String> environment(Render r, Deployment d) {
        Map<String, String> env = new LinkedHashMap<>();
        Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        for (EnvFromSource from : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
            assertThat(from.getSecretRef())
                    .as(
                            "%s: no Secret is taken whole (its keys are unknown here)",
                            d.getMetadata().getName())
                    .isNull();
            String name = from.getConfigMapRef().getName();
            ConfigMap map = r.named(ConfigMap.class, name)
                    .orElseThrow(() -> new AssertionError(r.name() + ": no ConfigMap " + name));
            env.putAll(map.getData());
        }
        for (EnvVar v : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
            if (v.getValueFrom() == null) {
                env.put(v.getName(), v.getValue() == null ? "" : v.getValue());
            } else if (v.getValueFrom().getSecretKeyRef() != null) {
                env.put(
                        v.getName(),
                        "secret:" + v.getValueFrom().getSecretKeyRef().getName() + "/"
                                + v.getValueFrom().getSecretKeyRef().getKey());
            } else if (v.getValueFrom().getConfigMapKeyRef() != null) {
                String name = v.getValueFrom().getConfigMapKeyRef().getName();
                ConfigMap map = r.named(ConfigMap.class, name)
                        .orElseThrow(() -> new AssertionError(r.name() + ": no ConfigMap " + name));
                env.put(
                        v.getName(),
                        map.getData().get(v.getValueFrom().getConfigMapKeyRef().getKey()));
            } else {
                env.put(v.getName(), "field");
            }
        }
        return env;
    }

    /** The module's settings: its application.yml (all documents), under the platform's defaults if it uses the starter. */
    static Map<String, String> settings(String module) {
        Map<String, String> settings = new LinkedHashMap<>();
        try {
            if (Files.readString(ROOT.resolve(module).resolve("pom.xml"))
                    .contains("<artifactId>platform-starter</artifactId>")) {
                Properties defaults = new Properties();
                try (InputStream in = Files.newInputStream(ROOT.resolve(
                        "platform/platform-starter/src/main/resources/kassa-platform-defaults.properties"))) {
                    defaults.load(in);
                }
                defaults.forEach((k, v) -> settings.put((String) k, (String) v));
            }
            Path yml = ROOT.resolve(module).resolve("src/main/resources/application.yml");
            try (var docs = YAML.readValues(YAML.getFactory().createParser(yml.toFile()), JsonNode.class)) {
                while (docs.hasNext()) {
                    flatten("", docs.next(), settings);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }

    static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), into);
            }
        } else if (!node.isNull()) {
            into.put(prefix, node.asText());
        }
    }

    /** Environment-style placeholders of a value ({@code ${NAME}} or {@code ${NAME:default}}, nested ones too). */
    static Map<String, String> placeholders(String value) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}$]*))?").matcher(value);
        while (m.find()) {
            found.put(m.group(1), m.group(2));
        }
        return found;
    }

    static void assertUrl(Render r, String where, String url, String service) {
        assertThat(url).as(where).isNotNull();
        Matcher m = Pattern.compile("^http://([a-z0-9-]+):(\\d+)(/.*)?$").matcher(url);
        assertThat(m.matches()).as("%s: %s calls a Service by name", where, url).isTrue();
        assertThat(m.group(1)).as(where).isEqualTo(service);
        Service s = r.named(Service.class, service)
                .orElseThrow(() -> new AssertionError(where + ": no Service " + service));
        assertThat(s.getSpec().getPorts()).as(where + ": port of the Service").anySatisfy(p -> assertThat(p.getPort())
                .isEqualTo(Integer.parseInt(m.group(2))));
    }

    static void assertDatabase(String where, Map<String, String> env, String localUrl, Render infra) {
        Matcher local = Pattern.compile("jdbc:postgresql://[^/]+/([a-z_]+)")
                .matcher(localUrl.replaceAll("^\\$\\{KASSA_DB_URL:|}$", ""));
        assertThat(local.find()).as(where + " database in application.yml").isTrue();
        Matcher url = Pattern.compile(
                        "^jdbc:postgresql://([a-z0-9-]+)-rw:5432/([a-z_]+)\\?sslmode=verify-full&sslrootcert=/etc/kassa/pg-ca/ca\\.crt$")
                .matcher(env.get("KASSA_DB_URL"));
        assertThat(url.matches())
                .as(
                        "%s: KASSA_DB_URL %s is the primary of a CloudNativePG cluster, over TLS verified against its CA",
                        where, env.get("KASSA_DB_URL"))
                .isTrue();
        String cluster = url.group(1);
        assertThat(url.group(2))
                .as(where + ": the database the service expects")
                .isEqualTo(local.group(1));
        assertThat(env)
                .as(where + ": credentials from the cluster's app Secret")
                .containsEntry("KASSA_DB_USER", "secret:" + cluster + "-app/username")
                .containsEntry("KASSA_DB_PASSWORD", "secret:" + cluster + "-app/password");
        GenericKubernetesResource pg = infra.generic("Cluster").stream()
                .filter(c -> c.getMetadata().getName().equals(cluster))
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError(where + ": no CloudNativePG Cluster " + cluster + " in " + infra.name()));
        assertThat(path(pg, "spec", "bootstrap", "initdb", "database"))
                .as("%s: database of %s", where, cluster)
                .isEqualTo(local.group(1));
    }

    static void assertKafka(String where, Map<String, String> env, Render infra) {
        Kafka kafka = infra.all(Kafka.class).stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError(infra.name() + ": no Kafka"));
        Matcher m = Pattern.compile("^([a-z0-9-]+)-kafka-bootstrap:(\\d+)$")
                .matcher(String.valueOf(env.get("KASSA_KAFKA_BOOTSTRAP")));
        assertThat(m.matches())
                .as(where + " KASSA_KAFKA_BOOTSTRAP " + env.get("KASSA_KAFKA_BOOTSTRAP"))
                .isTrue();
        assertThat(m.group(1))
                .as(where + ": the Kafka cluster")
                .isEqualTo(kafka.getMetadata().getName());
        assertThat(kafka.getSpec().getKafka().getListeners())
                .as(where + ": a listener on the port")
                .anySatisfy(l -> assertThat(l.getPort()).isEqualTo(Integer.parseInt(m.group(2))));
        List<KafkaTopic> topics = infra.all(KafkaTopic.class);
        assertThat(topics).isNotEmpty();
        topics.forEach(t -> {
            // a service grows every topic with fewer partitions up to this number at start-up, past the topic operator
            assertThat(Integer.parseInt(env.get("KASSA_EVENTS_PARTITIONS")))
                    .as(
                            "%s: KASSA_EVENTS_PARTITIONS at most the partitions of %s",
                            where, t.getSpec().getTopicName())
                    .isLessThanOrEqualTo(t.getSpec().getPartitions());
            assertThat(env.get("KASSA_EVENTS_REPLICAS"))
                    .as(
                            "%s: KASSA_EVENTS_REPLICAS = replicas of %s",
                            where, t.getSpec().getTopicName())
                    .isEqualTo(String.valueOf(t.getSpec().getReplicas()));
        });
    }

    /** An overlay's infrastructure: infrastructure/<overlay> if there is one, else the production one. */
    Render infrastructureFor(Render overlay) {
        return infrastructures.getOrDefault("infrastructure/" + overlay.name(), infrastructures.get("infrastructure"));
    }

    @Test
    void secretsTheManifestsDoNotMakeAreDocumented() throws IOException {
        String readme = Files.readString(K8S.resolve("README.md"));
        Set<String> made = new TreeSet<>();
        infrastructures.values().forEach(i -> i.generic("Cluster")
                .forEach(c -> made.add(c.getMetadata().getName() + "-app")));
        // the User Operator writes each KafkaUser's Secret
        infrastructures.values().forEach(i -> i.all(KafkaUser.class)
                .forEach(u -> made.add(u.getMetadata().getName())));
        Map<String, Set<String>> used = new TreeMap<>();
        overlays.values().forEach(r -> r.all(Deployment.class).forEach(d -> environment(r, d).values().stream()
                .filter(v -> v.startsWith("secret:"))
                .forEach(v -> used.computeIfAbsent(v.substring(7, v.indexOf('/')), k -> new TreeSet<>())
                        .add(v.substring(v.indexOf('/') + 1)))));
        infrastructures.values().forEach(i -> i.generic("ObjectStore").forEach(c -> {
            Object store = path(c, "spec", "configuration", "s3Credentials");
            if (store instanceof Map<?, ?> credentials) {
                credentials.values().forEach(ref -> used.computeIfAbsent(
                                (String) ((Map<?, ?>) ref).get("name"), k -> new TreeSet<>())
                        .add((String) ((Map<?, ?>) ref).get("key")));
            }
        }));
        assertThat(used).isNotEmpty();
        used.forEach((secret, keys) -> {
            if (!made.contains(secret)) {
                assertThat(readme)
                        .as("k8s/README.md tells how to create the Secret %s", secret)
                        .contains("create secret generic " + secret);
                keys.forEach(k -> assertThat(readme)
                        .as("k8s/README.md names the key %s of %s", k, secret)
                        .contains("--from-literal=" + k + "="));
            }
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Gateway routes on Kubernetes

    @Test
    void theGatewayRoutesEveryServiceToItsKubernetesService() throws IOException {
        Map<String, String> settings = settings("gateway");
        Set<String> routed = new TreeSet<>();
        settings.forEach((k, v) -> {
            if (k.endsWith(".uri") && v.startsWith("lb://")) {
                routed.add(v.substring(5));
            }
        });
        assertThat(routed).as("lb:// routes of the gateway").isNotEmpty();
        Map<String, String> instances = new TreeMap<>();
        Pattern instance =
                Pattern.compile("^spring\\.cloud\\.discovery\\.client\\.simple\\.instances\\.([a-z-]+)\\[0]\\.uri$");
        settings.forEach((k, v) -> {
            Matcher m = instance.matcher(k);
            if (m.matches()) {
                instances.put(m.group(1), v);
            }
        });
        assertThat(instances.keySet())
                .as("simple discovery instances of the gateway's k8s profile")
                .containsAll(routed);
        assertThat(settings)
                .as("the gateway's k8s profile turns Eureka off")
                .containsEntry("eureka.client.enabled", "false");
        overlays.values()
                .forEach(r ->
                        routed.forEach(s -> assertUrl(r, r.name() + ": gateway route to " + s, instances.get(s), s)));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Network policies

    record Flow(String from, String to, String port) implements Comparable<Flow> {
        @Override
        public int compareTo(Flow o) {
            return toString().compareTo(o.toString());
        }

        @Override
        public String toString() {
            return from + " -> " + to + " : " + port;
        }
    }

    @Test
    void theNetworkPoliciesAllowExactlyTheFlowsOfTheReadme() throws IOException {
        List<Render> withPolicies = overlays.values().stream()
                .filter(r -> !r.all(NetworkPolicy.class).isEmpty())
                .toList();
        assertThat(withPolicies)
                .as("overlays with network policies")
                .extracting(Render::name)
                .contains("dev", "prod");
        for (Render r : withPolicies) {
            Set<Flow> documented = readmeFlows(r);
            Set<Flow> allowed = policyFlows(r);
            Set<Flow> undocumented = new TreeSet<>(allowed);
            undocumented.removeAll(documented);
            Set<Flow> missing = new TreeSet<>(documented);
            missing.removeAll(allowed);
            assertThat(undocumented)
                    .as("%s: flows the network policies allow that k8s/README.md's table does not list", r.name())
                    .isEmpty();
            assertThat(missing)
                    .as("%s: flows of k8s/README.md's table that the network policies do not allow", r.name())
                    .isEmpty();
        }
    }

    Set<Flow> readmeFlows(Render r) throws IOException {
        List<String> lines = Files.readAllLines(K8S.resolve("README.md"));
        int start = lines.indexOf("## Network policies");
        assertThat(start).as("k8s/README.md has a section ## Network policies").isNotNegative();
        Set<Flow> flows = new TreeSet<>();
        boolean table = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("|")) {
                if (table) {
                    break;
                }
                continue;
            }
            table = true;
            String[] cells = line.split("\\|");
            if (cells.length < 4
                    || cells[1].trim().equals("from")
                    || cells[1].trim().startsWith("---")) {
                continue;
            }
            List<String> from = tokens(cells[1]);
            List<String> to = tokens(cells[2]);
            List<String> ports = tokens(cells[3]);
            assertThat(from).as("README row %s: from", line).isNotEmpty();
            assertThat(to).as("README row %s: to", line).isNotEmpty();
            assertThat(ports).as("README row %s: port", line).isNotEmpty();
            for (String f : from) {
                for (String source : endpoints(r, f)) {
                    for (String t : to) {
                        for (String target : endpoints(r, t)) {
                            for (String p : ports) {
                                flows.add(new Flow(source, target, port(r, target, p)));
                            }
                        }
                    }
                }
            }
        }
        assertThat(flows).as("flows in k8s/README.md's table").isNotEmpty();
        return flows;
    }

    static List<String> tokens(String cell) {
        List<String> tokens = new ArrayList<>();
        Matcher m = Pattern.compile("`([^`]+)`").matcher(cell);
        while (m.find()) {
            tokens.add(m.group(1).trim());
        }
        return tokens;
    }

    static Set<String> apps(Render r) {
        return r.all(Deployment.class).stream()
                .map(d -> d.getMetadata().getName())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * A README endpoint: a Deployment, "every Kassa pod", "namespace X", "kube-dns", "PostgreSQL <cluster>", "Kafka <cluster>",
     * "public addresses".
     */
    static Set<String> endpoints(Render r, String token) {
        if (token.equals("every Kassa pod")) {
            return apps(r);
        }
        if (apps(r).contains(token)
                || token.equals("kube-dns")
                || token.equals("public addresses")
                || token.matches("(namespace|PostgreSQL|Kafka) [a-z0-9-]+")) {
            return Set.of(token);
        }
        throw new AssertionError("k8s/README.md names an unknown endpoint in its flow table: " + token);
    }

    /** "8080/TCP" as it is; "http/TCP" as the destination's http port. */
    static String port(Render r, String destination, String token) {
        Matcher m = Pattern.compile("^([a-z0-9-]+)/(TCP|UDP)$").matcher(token);
        assertThat(m.matches()).as("port %s in k8s/README.md's table", token).isTrue();
        String number = m.group(1);
        if (!number.matches("\\d+")) {
            Deployment d = r.named(Deployment.class, destination)
                    .orElseThrow(() -> new AssertionError("named port " + token + " to " + destination));
            number = String.valueOf(containerPort(d, m.group(1)));
        }
        return number + "/" + m.group(2);
    }

    static int containerPort(Deployment d, String name) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().stream()
                .filter(p -> name.equals(p.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElseThrow(() -> new AssertionError(d.getMetadata().getName() + ": no port " + name));
    }

    /** What the policies of a render allow: both ends must agree between two Kassa pods; one end decides for the others. */
    Set<Flow> policyFlows(Render r) {
        Set<String> apps = apps(r);
        Set<Flow> egress = new TreeSet<>();
        Set<Flow> ingress = new TreeSet<>();
        Set<String> ingressGuarded = new TreeSet<>();
        Set<String> egressGuarded = new TreeSet<>();
        for (NetworkPolicy p : r.all(NetworkPolicy.class)) {
            String where = r.name() + ": NetworkPolicy " + p.getMetadata().getName();
            Set<String> selected = selectedApps(r, p.getSpec().getPodSelector());
            assertThat(selected).as(where + " selects Kassa's pods").isNotEmpty();
            List<String> types = p.getSpec().getPolicyTypes();
            assertThat(types).as(where + " policyTypes").isNotEmpty();
            if (types.contains("Ingress")) {
                ingressGuarded.addAll(selected);
                for (var rule : Optional.ofNullable(p.getSpec().getIngress()).orElse(List.of())) {
                    assertThat(rule.getFrom())
                            .as(where + ": an ingress rule names its sources")
                            .isNotEmpty();
                    assertThat(rule.getPorts())
                            .as(where + ": an ingress rule names its ports")
                            .isNotEmpty();
                    for (NetworkPolicyPeer peer : rule.getFrom()) {
                        for (String source : peer(r, where, peer)) {
                            for (String target : selected) {
                                for (NetworkPolicyPort port : rule.getPorts()) {
                                    ingress.add(new Flow(source, target, port(r, target, port)));
                                }
                            }
                        }
                    }
                }
            }
            if (types.contains("Egress")) {
                egressGuarded.addAll(selected);
                for (var rule : Optional.ofNullable(p.getSpec().getEgress()).orElse(List.of())) {
                    assertThat(rule.getTo())
                            .as(where + ": an egress rule names its destinations")
                            .isNotEmpty();
                    assertThat(rule.getPorts())
                            .as(where + ": an egress rule names its ports")
                            .isNotEmpty();
                    for (NetworkPolicyPeer peer : rule.getTo()) {
                        for (String target : peer(r, where, peer)) {
                            for (String source : selected) {
                                for (NetworkPolicyPort port : rule.getPorts()) {
                                    egress.add(new Flow(source, target, port(r, target, port)));
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(ingressGuarded)
                .as(r.name() + ": every Kassa pod is under a policy for ingress (default deny)")
                .containsAll(apps);
        assertThat(egressGuarded)
                .as(r.name() + ": every Kassa pod is under a policy for egress (default deny)")
                .containsAll(apps);
        Set<Flow> allowed = new TreeSet<>();
        Set<Flow> oneSided = new TreeSet<>();
        for (Flow f : egress) {
            if (apps.contains(f.to())) {
                (ingress.contains(f) ? allowed : oneSided).add(f);
            } else {
                allowed.add(f);
            }
        }
        for (Flow f : ingress) {
            if (apps.contains(f.from())) {
                if (!egress.contains(f)) {
                    oneSided.add(f);
                }
            } else {
                allowed.add(f);
            }
        }
        assertThat(oneSided)
                .as(r.name() + ": flows between Kassa pods allowed at one end only (the other end drops them)")
                .isEmpty();
        return allowed;
    }

    static Set<String> selectedApps(Render r, LabelSelector selector) {
        return r.all(Deployment.class).stream()
                .filter(d -> matches(
                        selector, d.getSpec().getTemplate().getMetadata().getLabels()))
                .map(d -> d.getMetadata().getName())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null
                && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        for (LabelSelectorRequirement req :
                Optional.ofNullable(selector.getMatchExpressions()).orElse(List.of())) {
            boolean ok =
                    switch (req.getOperator()) {
                        case "In" -> req.getValues().contains(labels.get(req.getKey()));
                        case "NotIn" -> !req.getValues().contains(labels.get(req.getKey()));
                        case "Exists" -> labels.containsKey(req.getKey());
                        case "DoesNotExist" -> !labels.containsKey(req.getKey());
                        default -> throw new AssertionError("selector operator " + req.getOperator());
                    };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The networks a policy to "public addresses" must leave out: private, carrier-grade NAT, link-local, loopback. */
    static final Set<String> NOT_PUBLIC =
            Set.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16", "127.0.0.0/8");

    /**
     * A peer as README endpoints: Kassa's pods by name, "namespace X", "kube-dns", "PostgreSQL <cluster>", "Kafka <cluster>",
     * and "public addresses": every IPv4 address but the private, link-local (cloud metadata) and loopback ones.
     */
    static Set<String> peer(Render r, String where, NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            assertThat(peer.getIpBlock().getCidr())
                    .as(where + ": an ipBlock is the public internet (0.0.0.0/0 less the private networks) or nothing")
                    .isEqualTo("0.0.0.0/0");
            assertThat(peer.getIpBlock().getExcept()).as(where).containsAll(NOT_PUBLIC);
            assertThat(peer.getPodSelector()).as(where).isNull();
            assertThat(peer.getNamespaceSelector()).as(where).isNull();
            return Set.of("public addresses");
        }
        LabelSelector pods = peer.getPodSelector();
        LabelSelector namespaces = peer.getNamespaceSelector();
        if (namespaces != null) {
            assertThat(namespaces.getMatchExpressions()).as(where).isNullOrEmpty();
            String ns = Optional.ofNullable(namespaces.getMatchLabels())
                    .orElse(Map.of())
                    .get("kubernetes.io/metadata.name");
            assertThat(ns).as(where + ": namespaces are chosen by name").isNotNull();
            assertThat(namespaces.getMatchLabels()).as(where).hasSize(1);
            if (pods == null) {
                return Set.of("namespace " + ns);
            }
            if (ns.equals("kube-system") && Map.of("k8s-app", "kube-dns").equals(pods.getMatchLabels())) {
                return Set.of("kube-dns");
            }
            throw new AssertionError(where + ": a peer the README's table cannot name: pods " + pods + " in " + ns);
        }
        assertThat(pods).as(where + ": a peer names pods or namespaces").isNotNull();
        Map<String, String> labels = Optional.ofNullable(pods.getMatchLabels()).orElse(Map.of());
        if (labels.containsKey("cnpg.io/cluster")) {
            return Set.of("PostgreSQL " + labels.get("cnpg.io/cluster"));
        }
        if (labels.containsKey("strimzi.io/cluster")) {
            return Set.of("Kafka " + labels.get("strimzi.io/cluster"));
        }
        Set<String> selected = selectedApps(r, pods);
        assertThat(selected)
                .as(where + ": the pods peer " + labels + " selects")
                .isNotEmpty();
        return selected;
    }

    static String port(Render r, String destination, NetworkPolicyPort port) {
        String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
        assertThat(port.getPort()).as("a port per rule (no port ranges)").isNotNull();
        assertThat(port.getEndPort()).isNull();
        IntOrString p = port.getPort();
        if (p.getStrVal() != null) {
            Deployment d = r.named(Deployment.class, destination)
                    .orElseThrow(() -> new AssertionError("named port " + p.getStrVal() + " to " + destination));
            return containerPort(d, p.getStrVal()) + "/" + protocol;
        }
        return p.getIntVal() + "/" + protocol;
    }

    @Test
    void defaultDenyCoversEveryKassaPod() {
        overlays.values().stream()
                .filter(r -> !r.all(NetworkPolicy.class).isEmpty())
                .forEach(r -> assertThat(r.all(NetworkPolicy.class))
                        .as(r.name()
                                + ": a policy that selects every Kassa pod, for ingress and egress, and allows nothing")
                        .anySatisfy(p -> {
                            assertThat(selectedApps(r, p.getSpec().getPodSelector()))
                                    .isEqualTo(apps(r));
                            assertThat(p.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
                            assertThat(p.getSpec().getIngress()).isNullOrEmpty();
                            assertThat(p.getSpec().getEgress()).isNullOrEmpty();
                        }));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Production: replicas, autoscalers, disruption budgets, the Ingress

    @Test
    void productionRunsEveryServiceOnSeveralPods() {
        Render prod = overlays.get("prod");
        for (Deployment d : prod.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            Optional<HorizontalPodAutoscaler> hpa = autoscaler(prod, name);
            if (hpa.isPresent()) {
                assertThat(hpa.get().getSpec().getMinReplicas())
                        .as("prod: autoscaler of " + name + " minReplicas")
                        .isGreaterThanOrEqualTo(2);
            } else {
                assertThat(d.getSpec().getReplicas())
                        .as("prod: replicas of " + name)
                        .isNotNull()
                        .isGreaterThanOrEqualTo(3);
            }
        }
    }

    static Optional<HorizontalPodAutoscaler> autoscaler(Render r, String deployment) {
        return r.all(HorizontalPodAutoscaler.class).stream()
                .filter(h -> h.getSpec().getScaleTargetRef().getKind().equals("Deployment")
                        && h.getSpec().getScaleTargetRef().getName().equals(deployment))
                .findFirst();
    }

    @Test
    void autoscalersScaleDeploymentsOnCpuAndOwnTheirReplicas() {
        Render prod = overlays.get("prod");
        assertThat(prod.all(HorizontalPodAutoscaler.class))
                .as("prod: autoscalers")
                .extracting(h -> h.getSpec().getScaleTargetRef().getName())
                .contains("gateway", "sales-service", "catalog-service");
        overlays.values().forEach(r -> r.all(HorizontalPodAutoscaler.class).forEach(h -> {
            String where =
                    r.name() + ": HorizontalPodAutoscaler " + h.getMetadata().getName();
            assertThat(h.getApiVersion()).as(where).isEqualTo("autoscaling/v2");
            Deployment target = r.named(
                            Deployment.class, h.getSpec().getScaleTargetRef().getName())
                    .orElseThrow(() -> new AssertionError(where + ": no such Deployment"));
            assertThat(h.getSpec().getMinReplicas()).as(where + " minReplicas").isGreaterThanOrEqualTo(2);
            assertThat(h.getSpec().getMaxReplicas())
                    .as(where + " maxReplicas")
                    .isGreaterThan(h.getSpec().getMinReplicas());
            assertThat(h.getSpec().getMetrics())
                    .as(where + " on CPU")
                    .anySatisfy(m -> assertThat(m.getResource().getName()).isEqualTo("cpu"));
            assertThat(target.getSpec().getReplicas())
                    .as(where + ": the Deployment leaves replicas to the autoscaler")
                    .isNull();
        }));
    }

    @Test
    void everyServiceOfProductionHasADisruptionBudget() {
        Render prod = overlays.get("prod");
        overlays.values().forEach(r -> {
            List<PodDisruptionBudget> budgets = r.all(PodDisruptionBudget.class);
            if (r == prod) {
                assertThat(budgets).as("prod: disruption budgets").isNotEmpty();
            }
            if (budgets.isEmpty()) {
                return;
            }
            for (Deployment d : r.all(Deployment.class)) {
                String name = d.getMetadata().getName();
                Map<String, String> labels =
                        d.getSpec().getTemplate().getMetadata().getLabels();
                List<PodDisruptionBudget> mine = budgets.stream()
                        .filter(b -> matches(b.getSpec().getSelector(), labels))
                        .toList();
                assertThat(mine)
                        .as(r.name() + ": one disruption budget for " + name)
                        .hasSize(1);
                assertThat(mine.get(0).getSpec().getMinAvailable())
                        .as(r.name() + ": minAvailable of " + name)
                        .isEqualTo(new IntOrString(1));
                int least = autoscaler(r, name)
                        .map(h -> h.getSpec().getMinReplicas())
                        .orElse(Optional.ofNullable(d.getSpec().getReplicas()).orElse(1));
                assertThat(least)
                        .as(r.name() + ": " + name + " has more pods than its budget keeps (else drains block)")
                        .isGreaterThan(1);
            }
        });
    }

    @Test
    void onlyTheGatewayIsPublishedAndOnlyOverTls() {
        assertThat(overlays.get("prod").all(Ingress.class))
                .as("prod: an Ingress")
                .isNotEmpty();
        overlays.values().forEach(r -> r.all(Ingress.class).forEach(i -> {
            String where = r.name() + ": Ingress " + i.getMetadata().getName();
            assertThat(i.getSpec().getDefaultBackend())
                    .as(where + " defaultBackend")
                    .isNull();
            assertThat(i.getSpec().getTls()).as(where + " tls").isNotEmpty();
            Set<String> tlsHosts = i.getSpec().getTls().stream()
                    .peek(t -> assertThat(t.getSecretName())
                            .as(where + " TLS secret")
                            .isNotBlank())
                    .flatMap(t -> t.getHosts().stream())
                    .collect(Collectors.toSet());
            assertThat(Optional.ofNullable(i.getMetadata().getAnnotations())
                            .orElse(Map.of())
                            .keySet())
                    .as(where + ": cert-manager issues the certificate")
                    .containsAnyOf("cert-manager.io/cluster-issuer", "cert-manager.io/issuer");
            assertThat(i.getSpec().getRules()).as(where + " rules").isNotEmpty();
            i.getSpec().getRules().forEach(rule -> {
                assertThat(rule.getHost()).as(where + ": every rule has a host").isNotBlank();
                assertThat(tlsHosts).as(where + ": host covered by TLS").contains(rule.getHost());
                rule.getHttp().getPaths().forEach(path -> {
                    IngressBackend backend = path.getBackend();
                    assertThat(backend.getService().getName())
                            .as(where + " " + path.getPath())
                            .isEqualTo("gateway");
                    assertThat(path.getPath())
                            .as(where + ": /actuator stays inside")
                            .doesNotStartWith("/actuator")
                            .isNotEqualTo("/");
                    Service gateway = r.named(Service.class, "gateway")
                            .orElseThrow(() -> new AssertionError(where + ": no Service gateway"));
                    var port = backend.getService().getPort();
                    assertThat(gateway.getSpec().getPorts())
                            .as(where + ": a port of the gateway's Service")
                            .anySatisfy(p -> {
                                if (port.getName() != null) {
                                    assertThat(p.getName()).isEqualTo(port.getName());
                                } else {
                                    assertThat(p.getPort()).isEqualTo(port.getNumber());
                                }
                            });
                });
            });
        }));
    }

    /** nginx's size ({@code 31m}, {@code 512k}, bytes) or Spring's ({@code 30MB}, binary units), in bytes. */
    static long bytes(String size) {
        Matcher m = Pattern.compile("(?i)(\\d+)\\s*([kmg]?)b?").matcher(size.trim());
        assertThat(m.matches()).as("a size: " + size).isTrue();
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase()) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            default -> n;
        };
    }

    @Test
    void oneBodySizeLimitHoldsAtEveryLayerAndOnlyTheLiveFeedStreamsLong() throws IOException {
        JsonNode gatewayConfig = YAML.readTree(
                ROOT.resolve("gateway/src/main/resources/application.yml").toFile());
        long gateway = gatewayConfig.at("/kassa/gateway/max-upload-bytes").asLong();
        Properties defaults = new Properties();
        try (var in = Files.newInputStream(
                ROOT.resolve("platform/platform-starter/src/main/resources/kassa-platform-defaults.properties"))) {
            defaults.load(in);
        }
        long services = bytes(defaults.getProperty("spring.servlet.multipart.max-request-size"));
        assertThat(services)
                .as("the services take the multipart forms the gateway lets through")
                .isEqualTo(gateway);
        overlays.values().forEach(r -> r.all(Ingress.class).forEach(i -> {
            String where = r.name() + ": Ingress " + i.getMetadata().getName();
            Map<String, String> annotations =
                    Optional.ofNullable(i.getMetadata().getAnnotations()).orElse(Map.of());
            String size = annotations.getOrDefault("nginx.ingress.kubernetes.io/proxy-body-size", "1m");
            boolean live = i.getSpec().getRules().stream()
                    .flatMap(rule -> rule.getHttp().getPaths().stream())
                    .allMatch(path -> path.getPath().startsWith("/api/analytics/live")
                            || path.getPath().startsWith("/api/sales/kitchen/stream"));
            if (!live) {
                assertThat(bytes(size))
                        .as(where
                                + ": lets every upload the gateway takes reach it, and the gateway answer a larger one")
                        .isGreaterThan(gateway)
                        .isLessThanOrEqualTo(gateway + (1 << 20));
            }
            long readTimeout =
                    Long.parseLong(annotations.getOrDefault("nginx.ingress.kubernetes.io/proxy-read-timeout", "60"));
            assertThat(readTimeout)
                    .as(where + ": a long read timeout only on the live feed's path")
                    .isLessThanOrEqualTo(live ? 3600 : 120);
            if (live) {
                assertThat(annotations.get("nginx.ingress.kubernetes.io/proxy-buffering"))
                        .as(where + ": the live feed is not buffered")
                        .isEqualTo("off");
            }
        }));
        assertThat(overlays.get("prod").all(Ingress.class).stream()
                        .flatMap(i -> i.getSpec().getRules().stream())
                        .flatMap(rule -> rule.getHttp().getPaths().stream())
                        .map(path -> path.getPath()))
                .as("prod publishes the live feeds")
                .contains("/api/analytics/live", "/api/sales/kitchen/stream");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Monitoring

    /** The dashboards the repository has (infra/observability/make-dashboards writes them). */
    static List<String> dashboardFiles() {
        try (Stream<Path> files = Files.list(K8S.resolve("components/monitoring/dashboards"))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void prometheusScrapesEveryServiceAndGetsTheRulesAndDashboards() {
        overlays.values().stream()
                .filter(r -> !r.generic("PodMonitor").isEmpty() || r.name().equals("prod"))
                .forEach(r -> {
                    for (Deployment d : r.all(Deployment.class)) {
                        Map<String, String> labels =
                                d.getSpec().getTemplate().getMetadata().getLabels();
                        assertThat(r.generic("PodMonitor"))
                                .as(r.name() + ": a PodMonitor scrapes "
                                        + d.getMetadata().getName())
                                .anySatisfy(m -> {
                                    assertThat(matches(
                                                    SERIALIZATION.convertValue(
                                                            path(m, "spec", "selector"), LabelSelector.class),
                                                    labels))
                                            .isTrue();
                                    List<?> endpoints = (List<?>) path(m, "spec", "podMetricsEndpoints");
                                    assertThat(endpoints).anySatisfy(e -> {
                                        assertThat(((Map<?, ?>) e).get("port")).isEqualTo("http");
                                        assertThat(((Map<?, ?>) e).get("path")).isEqualTo("/actuator/prometheus");
                                    });
                                });
                    }
                    assertThat(r.generic("PrometheusRule"))
                            .as(r.name() + ": the alerting rules")
                            .isNotEmpty()
                            .allSatisfy(rule -> assertThat((List<?>) path(rule, "spec", "groups"))
                                    .isNotEmpty());
                    // every dashboard of the repository reaches Grafana's sidecar, each in a ConfigMap that kubectl
                    // apply can keep (it stores the object in an annotation of at most 256 KiB)
                    Map<String, String> dashboards = new TreeMap<>();
                    r.all(ConfigMap.class).stream()
                            .filter(c -> "1"
                                    .equals(Optional.ofNullable(c.getMetadata().getLabels())
                                            .orElse(Map.of())
                                            .get("grafana_dashboard")))
                            .forEach(c -> {
                                int size = c.getData().values().stream()
                                        .mapToInt(json -> json.getBytes(StandardCharsets.UTF_8).length)
                                        .sum();
                                assertThat(size)
                                        .as(r.name() + ": ConfigMap "
                                                + c.getMetadata().getName() + " fits kubectl apply")
                                        .isLessThan(200 * 1024);
                                dashboards.putAll(c.getData());
                            });
                    assertThat(dashboards.keySet())
                            .as(r.name() + ": every dashboard for Grafana's sidecar")
                            .containsExactlyInAnyOrderElementsOf(dashboardFiles());
                    dashboards.forEach((file, json) -> {
                        try {
                            JsonNode dashboard = YAML.readTree(json);
                            assertThat(dashboard.path("title").asText())
                                    .as(file + " title")
                                    .isNotBlank();
                            assertThat(dashboard.path("uid").asText())
                                    .as(file + " uid")
                                    .isNotBlank();
                            assertThat(dashboard.path("panels").size())
                                    .as(file + " panels")
                                    .isPositive();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                });
    }

    /**
     * One release path (infra/release): production runs one tag on every image, <version>-<commit>, and pulls it with the
     * registry's Secret.
     */
    @Test
    void productionRunsOneReleaseTagFromTheRegistryWithItsPullSecret() {
        Render prod = overlays.get("prod");
        Set<String> tags = new TreeSet<>();
        for (Deployment d : prod.all(Deployment.class)) {
            String image =
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
            Matcher m = Pattern.compile("^registry\\.example\\.com/kassa/([a-z-]+):(.+)$")
                    .matcher(image);
            assertThat(m.matches()).as(d.getMetadata().getName() + ": " + image).isTrue();
            assertThat(m.group(1)).isEqualTo(d.getMetadata().getName());
            tags.add(m.group(2));
        }
        assertThat(tags).as("one release").hasSize(1);
        assertThat(tags.iterator().next())
                .as("the release's tag: its version and commit (infra/release)")
                .matches("\\d+\\.\\d+\\.\\d+-[0-9a-f]{12}");
        for (ServiceAccount account : prod.all(ServiceAccount.class)) {
            assertThat(account.getImagePullSecrets())
                    .as(account.getMetadata().getName() + " pulls with the registry's Secret")
                    .extracting(LocalObjectReference::getName)
                    .containsExactly("kassa-registry");
        }
    }

    /**
     * Traffic inside the cluster is authenticated and encrypted: each service talks to Kafka over TLS as its own KafkaUser,
     * whose ACLs allow exactly the topics the event samples say it produces and consumes, and to its database over TLS
     * verified against the cluster's CA.
     */
    @Test
    void eachServiceReachesKafkaAsItsOwnUserWithExactlyItsTopicsAndItsDatabaseOverVerifiedTls() throws IOException {
        Map<String, Set<String>> writes = new TreeMap<>();
        Map<String, Set<String>> reads = new TreeMap<>();
        Set<String> services = new TreeSet<>(apps(overlays.get("prod")));
        services.remove("gateway");
        try (Stream<Path> samples =
                Files.list(ROOT.resolve("platform/platform-test/src/main/resources/kassa/events"))) {
            for (Path sample :
                    samples.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode event = new ObjectMapper().readTree(sample.toFile());
                String topic = event.path("topic").asText();
                writes.computeIfAbsent(event.path("producer").asText(), k -> new TreeSet<>())
                        .add(topic);
                for (JsonNode consumer : event.path("consumers")) {
                    for (String service :
                            consumer.asText().startsWith("platform") ? services : Set.of(consumer.asText())) {
                        reads.computeIfAbsent(service, k -> new TreeSet<>()).add(topic);
                    }
                }
            }
        }
        // analytics-service delivers the stores' webhooks: it reads every topic a store may subscribe to
        reads.get("analytics-service")
                .addAll(Set.of("sales.events", "catalog.events", "customer.events", "task.events"));
        infrastructures.values().forEach(i -> {
            Map<String, KafkaUser> users = i.all(KafkaUser.class).stream()
                    .collect(Collectors.toMap(u -> u.getMetadata().getName(), u -> u));
            assertThat(users.keySet())
                    .as(i.name() + ": a KafkaUser per service")
                    .isEqualTo(services);
            users.forEach((service, user) -> {
                String where = i.name() + ": KafkaUser " + service;
                assertThat(user.getSpec().getAuthentication().getType())
                        .as(where)
                        .isEqualTo("scram-sha-512");
                Map<String, Set<String>> allowed = new TreeMap<>();
                ((io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple)
                                user.getSpec().getAuthorization())
                        .getAcls()
                        .forEach(acl -> {
                            String resource = acl.getResource()
                                            instanceof io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource t
                                    ? t.getName()
                                    : "group:"
                                            + ((io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource)
                                                            acl.getResource())
                                                    .getName();
                            acl.getOperations()
                                    .forEach(op -> allowed.computeIfAbsent(op.toValue(), k -> new TreeSet<>())
                                            .add(resource));
                        });
                Set<String> expectedWrites = new TreeSet<>(writes.getOrDefault(service, Set.of()));
                reads.getOrDefault(service, Set.of()).forEach(t -> expectedWrites.add(t + ".DLT"));
                assertThat(allowed.getOrDefault("Write", Set.of()))
                        .as(where + ": writes its own topic and the dead-letter topics of what it reads, nothing else")
                        .isEqualTo(expectedWrites);
                assertThat(allowed.getOrDefault("Read", Set.of()))
                        .as(where + ": reads the topics it consumes and its own groups")
                        .isEqualTo(new TreeSet<>(Stream.concat(
                                        reads.getOrDefault(service, Set.of()).stream(), Stream.of("group:" + service))
                                .collect(Collectors.toSet())));
                assertThat(allowed.keySet()).as(where).doesNotContain("All", "Alter", "Delete", "ClusterAction");
            });
            assertThat(users.get("auth-service")).isNotNull();
            users.forEach((service, user) -> {
                if (!service.equals("auth-service")) {
                    assertThat(String.valueOf(user.getSpec().getAuthorization()))
                            .as("only auth-service writes auth.events, which every service trusts")
                            .doesNotContainPattern("name=auth\\.events,[^}]*}[^}]*operations=\\[[^]]*Write");
                }
            });
        });
        overlays.values().forEach(r -> {
            for (Deployment d : r.all(Deployment.class)) {
                String module = d.getMetadata().getName();
                if (!services.contains(module)) {
                    continue;
                }
                String where = r.name() + ": " + module;
                Map<String, String> env = environment(r, d);
                assertThat(env)
                        .as(where + ": Kafka over TLS with SCRAM as its own user")
                        .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                        .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
                        .containsEntry(
                                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "secret:" + module + "/sasl.jaas.config")
                        .containsEntry("SPRING_KAFKA_SSL_TRUSTSTORELOCATION", "file:/etc/kassa/kafka-ca/ca.crt");
                var pod = d.getSpec().getTemplate().getSpec();
                Map<String, String> mounted = new TreeMap<>();
                pod.getContainers().get(0).getVolumeMounts().forEach(m -> pod.getVolumes().stream()
                        .filter(v -> v.getName().equals(m.getName()) && v.getSecret() != null)
                        .forEach(
                                v -> mounted.put(m.getMountPath(), v.getSecret().getSecretName())));
                String cluster = env.get("KASSA_DB_URL").replaceAll("^jdbc:postgresql://([a-z0-9-]+)-rw:.*$", "$1");
                assertThat(mounted)
                        .as(where + ": the CAs it verifies Kafka and its database with")
                        .containsEntry("/etc/kassa/kafka-ca", "kassa-cluster-ca-cert")
                        .containsEntry("/etc/kassa/pg-ca", cluster + "-ca");
            }
        });
    }

    /**
     * Production's Secrets come from a real source: every Secret a prod Deployment or ServiceAccount reads that no operator
     * makes is made by an ExternalSecret of the overlay (and the backups' credentials by one of the infrastructure).
     */
    @Test
    void productionSecretsComeFromTheSecretStore() {
        Render prod = overlays.get("prod");
        Render infra = infrastructures.get("infrastructure");
        Set<String> byOperators = new TreeSet<>();
        infra.generic("Cluster").forEach(c -> byOperators.add(c.getMetadata().getName() + "-app"));
        infra.all(KafkaUser.class).forEach(u -> byOperators.add(u.getMetadata().getName()));
        Set<String> read = new TreeSet<>();
        prod.all(Deployment.class).forEach(d -> environment(prod, d).values().stream()
                .filter(v -> v.startsWith("secret:"))
                .forEach(v -> read.add(v.substring(7, v.indexOf('/')))));
        prod.all(ServiceAccount.class).forEach(a -> Optional.ofNullable(a.getImagePullSecrets())
                .orElse(List.of())
                .forEach(ref -> read.add(ref.getName())));
        read.removeAll(byOperators);
        assertThat(read)
                .as("Secrets production reads")
                .contains("kassa-service-secret", "kassa-auth-keys", "kassa-webhook-keys", "kassa-registry");
        Set<String> external = prod.generic("ExternalSecret").stream()
                .map(e -> (String) path(e, "spec", "target", "name"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(external)
                .as("overlays/prod: an ExternalSecret for every Secret no operator makes")
                .containsAll(read);
        prod.generic("ExternalSecret").forEach(e -> assertThat(path(e, "spec", "secretStoreRef", "name"))
                .as(e.getMetadata().getName())
                .isEqualTo("kassa-secrets"));
        assertThat(infra.generic("ExternalSecret"))
                .as("infrastructure: the backups' credentials from the store")
                .anySatisfy(e -> assertThat(path(e, "spec", "target", "name")).isEqualTo("kassa-backup-s3"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Infrastructure

    @Test
    void kafkaRunsInKraftModeWithATopicForEveryTopicTheServicesUse() throws IOException {
        String topicsSource = Files.readString(
                ROOT.resolve("platform/platform-core/src/main/java/dev/kassa/platform/events/Topics.java"));
        Set<String> expected = new TreeSet<>();
        Matcher m =
                Pattern.compile("static final String [A-Z_]+ = \"([a-z.]+)\"").matcher(topicsSource);
        while (m.find()) {
            expected.add(m.group(1));
            expected.add(m.group(1) + ".DLT");
        }
        assertThat(expected).as("topics of platform-core's Topics").hasSizeGreaterThanOrEqualTo(10);
        infrastructures.values().forEach(i -> {
            List<Kafka> kafkas = i.all(Kafka.class);
            assertThat(kafkas).as(i.name() + ": one Kafka").hasSize(1);
            Kafka kafka = kafkas.get(0);
            assertThat(Optional.ofNullable(kafka.getMetadata().getAnnotations())
                            .orElse(Map.of())
                            .keySet())
                    .as(i.name() + ": no annotation the v1 API ignores (KRaft and node pools are the only mode)")
                    .doesNotContain("strimzi.io/kraft", "strimzi.io/node-pools");
            assertThat(kafka.getSpec().getEntityOperator().getTopicOperator())
                    .as(i.name() + ": the topic operator")
                    .isNotNull();
            assertThat(kafka.getSpec().getKafka().getListeners())
                    .as(i.name() + ": one listener, TLS with SCRAM-SHA-512 (no plain or anonymous one)")
                    .hasSize(1);
            GenericKafkaListener listener =
                    kafka.getSpec().getKafka().getListeners().get(0);
            assertThat(listener.getPort()).isEqualTo(9093);
            assertThat(listener.isTls()).as(i.name() + ": TLS").isTrue();
            assertThat(listener.getAuth().getType()).as(i.name() + ": SCRAM").isEqualTo("scram-sha-512");
            assertThat(kafka.getSpec().getKafka().getAuthorization().getType())
                    .as(i.name() + ": ACLs enforced")
                    .isEqualTo("simple");
            assertThat(listener.getNetworkPolicyPeers())
                    .as(i.name() + ": who may connect to the brokers")
                    .isNotEmpty();
            Set<ProcessRoles> roles = i.all(KafkaNodePool.class).stream()
                    .filter(p -> kafka.getMetadata()
                            .getName()
                            .equals(p.getMetadata().getLabels().get("strimzi.io/cluster")))
                    .flatMap(p -> p.getSpec().getRoles().stream())
                    .collect(Collectors.toSet());
            assertThat(roles)
                    .as(i.name() + ": node pools of controllers and brokers")
                    .containsExactlyInAnyOrder(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
            assertThat(kafka.getSpec().getKafka().getRack())
                    .as(i.name() + ": brokers know their zone (rack awareness)")
                    .isNotNull();
            assertThat(kafka.getSpec().getKafka().getRack().getTopologyKey()).isEqualTo("topology.kubernetes.io/zone");
            i.all(KafkaNodePool.class).forEach(p -> {
                String where = i.name() + ": KafkaNodePool " + p.getMetadata().getName();
                assertThat(p.getSpec().getTemplate())
                        .as(where + ": a pod template")
                        .isNotNull();
                assertThat(p.getSpec().getTemplate().getPod().getTopologySpreadConstraints())
                        .as(where + ": spread across zones, hard")
                        .anySatisfy(t -> {
                            assertThat(t.getTopologyKey()).isEqualTo("topology.kubernetes.io/zone");
                            assertThat(t.getWhenUnsatisfiable()).isEqualTo("DoNotSchedule");
                            assertThat(t.getLabelSelector().getMatchLabels())
                                    .containsEntry(
                                            "strimzi.io/pool-name",
                                            p.getMetadata().getName());
                        });
            });
            int brokers = i.all(KafkaNodePool.class).stream()
                    .filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                    .mapToInt(p -> p.getSpec().getReplicas())
                    .sum();
            Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
            assertThat(config)
                    .as(i.name() + ": topics are declared, not made by a typo")
                    .containsEntry("auto.create.topics.enable", false);
            assertThat(((Number) config.get("offsets.topic.replication.factor")).intValue())
                    .as(i.name())
                    .isLessThanOrEqualTo(brokers);

            Map<String, KafkaTopic> topics = i.all(KafkaTopic.class).stream()
                    .collect(Collectors.toMap(t -> t.getSpec().getTopicName(), t -> t));
            assertThat(topics.keySet())
                    .as(i.name() + ": a KafkaTopic for each topic and dead-letter topic")
                    .isEqualTo(expected);
            topics.values().forEach(t -> {
                String where = i.name() + ": KafkaTopic " + t.getMetadata().getName();
                assertThat(t.getMetadata().getLabels())
                        .as(where)
                        .containsEntry("strimzi.io/cluster", kafka.getMetadata().getName());
                assertThat(t.getSpec().getReplicas()).as(where + " replicas").isBetween(1, brokers);
                int minIsr =
                        Integer.parseInt(String.valueOf(t.getSpec().getConfig().get("min.insync.replicas")));
                assertThat(minIsr)
                        .as(where + ": min.insync.replicas leaves room for a broker to fail")
                        .isLessThanOrEqualTo(Math.max(1, t.getSpec().getReplicas() - 1));
                assertThat(t.getSpec().getConfig())
                        .as(where + ": keys are tenant keys, compaction would drop a store's history")
                        .containsEntry("cleanup.policy", "delete")
                        .containsKey("retention.ms");
                assertThat(t.getSpec().getPartitions())
                        .as(where + " partitions")
                        .isGreaterThanOrEqualTo(1);
            });
            if (i.name().equals("infrastructure")) {
                assertThat(brokers).as("production: three brokers").isGreaterThanOrEqualTo(3);
                topics.values().forEach(t -> assertThat(t.getSpec().getReplicas())
                        .as(t.getMetadata().getName() + " replicas")
                        .isEqualTo(3));
            }
        });
    }

    @Test
    void everyServiceHasItsOwnPostgresClusterAndProductionBacksThemUp() {
        infrastructures.values().forEach(i -> {
            List<GenericKubernetesResource> clusters = i.generic("Cluster");
            assertThat(clusters).as(i.name() + ": CloudNativePG clusters").hasSize(7);
            assertThat(i.all(Namespace.class))
                    .as(i.name() + ": the namespace")
                    .extracting(n -> n.getMetadata().getName())
                    .containsExactly("kassa");
            for (GenericKubernetesResource c : clusters) {
                String where = i.name() + ": Cluster " + c.getMetadata().getName();
                assertThat(c.getApiVersion()).as(where).isEqualTo("postgresql.cnpg.io/v1");
                assertThat(((Number) path(c, "spec", "instances")).intValue())
                        .as(where + " instances")
                        .isGreaterThanOrEqualTo(1);
                assertThat(path(c, "spec", "storage", "size"))
                        .as(where + " storage")
                        .isNotNull();
                assertThat(path(c, "spec", "bootstrap", "initdb", "database"))
                        .as(where + " database")
                        .isNotNull();
                assertThat(path(c, "spec", "bootstrap", "initdb", "owner"))
                        .as(where + " owner")
                        .isNotNull();
                assertThat(path(c, "spec", "affinity", "podAntiAffinityType"))
                        .as(where + ": never two instances on one node")
                        .isEqualTo("required");
                assertThat(path(c, "spec", "affinity", "topologyKey")).as(where).isEqualTo("kubernetes.io/hostname");
                assertThat(String.valueOf(path(c, "spec", "topologySpreadConstraints")))
                        .as(where + ": spread across zones, hard")
                        .contains("topologyKey=topology.kubernetes.io/zone")
                        .contains("whenUnsatisfiable=DoNotSchedule")
                        .contains("cnpg.io/cluster=" + c.getMetadata().getName());
                assertThat(i.all(NetworkPolicy.class))
                        .as(where + ": a policy says who may reach it")
                        .anySatisfy(p -> assertThat(p.getSpec().getPodSelector().getMatchLabels())
                                .containsEntry(
                                        "cnpg.io/cluster", c.getMetadata().getName()));
                if (i.name().equals("infrastructure")) {
                    assertThat(((Number) path(c, "spec", "instances")).intValue())
                            .as(where + ": a primary and replicas")
                            .isGreaterThanOrEqualTo(2);
                    assertThat(path(c, "spec", "backup"))
                            .as(where + ": no in-tree barmanObjectStore (deprecated since CloudNativePG 1.26)")
                            .isNull();
                    assertThat(String.valueOf(path(c, "spec", "plugins")))
                            .as(where + ": WAL archived by the Barman Cloud plugin to the ObjectStore")
                            .contains("name=barman-cloud.cloudnative-pg.io")
                            .contains("isWALArchiver=true")
                            .contains("barmanObjectName=kassa-backups");
                    assertThat(i.generic("ScheduledBackup"))
                            .as(where + ": a ScheduledBackup through the plugin")
                            .anySatisfy(b -> {
                                assertThat(path(b, "spec", "cluster", "name"))
                                        .isEqualTo(c.getMetadata().getName());
                                assertThat(path(b, "spec", "method")).isEqualTo("plugin");
                                assertThat(path(b, "spec", "pluginConfiguration", "name"))
                                        .isEqualTo("barman-cloud.cloudnative-pg.io");
                            });
                }
            }
            for (GenericKubernetesResource c : clusters) {
                assertThat(path(c, "spec", "imageCatalogRef", "name"))
                        .as(i.name() + ": " + c.getMetadata().getName() + " runs the catalog's PostgreSQL")
                        .isEqualTo("kassa-postgresql");
                assertThat(((Number) path(c, "spec", "imageCatalogRef", "major")).intValue())
                        .as(i.name() + ": the major the tests run (embedded PostgreSQL in verify)")
                        .isEqualTo(testedPostgresMajor());
            }
            assertThat(String.valueOf(i.generic("ImageCatalog").stream()
                            .filter(g -> g.getMetadata().getName().equals("kassa-postgresql"))
                            .findFirst()
                            .map(g -> path(g, "spec", "images"))
                            .orElse(null)))
                    .as(i.name() + ": the catalog pins the major")
                    .contains("major=" + testedPostgresMajor());
            if (i.name().equals("infrastructure")) {
                GenericKubernetesResource store = i.generic("ObjectStore").stream()
                        .filter(o -> o.getMetadata().getName().equals("kassa-backups"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("production: the ObjectStore kassa-backups"));
                assertThat(path(store, "spec", "retentionPolicy"))
                        .as("backup retention")
                        .isNotNull();
                assertThat(path(store, "spec", "configuration", "destinationPath"))
                        .isNotNull();
                assertThat(path(store, "spec", "configuration", "wal", "encryption"))
                        .as("WAL encrypted at rest")
                        .isNotNull();
                assertThat(path(store, "spec", "configuration", "data", "encryption"))
                        .as("base backups encrypted at rest")
                        .isNotNull();
            }
            Set<String> databases = clusters.stream()
                    .map(c -> (String) path(c, "spec", "bootstrap", "initdb", "database"))
                    .collect(Collectors.toSet());
            Set<String> expected = overlays.get("prod").all(Deployment.class).stream()
                    .map(d -> d.getMetadata().getName())
                    .filter(m -> settings(m).containsKey("spring.datasource.url"))
                    .map(m -> settings(m).get("spring.datasource.url").replaceAll(".*/([a-z_]+)(\\?[^}]*)?}?$", "$1"))
                    .collect(Collectors.toSet());
            assertThat(databases)
                    .as(i.name() + ": the databases of the services' application.yml")
                    .isEqualTo(expected);
        });
    }

    /** The PostgreSQL major of the embedded PostgreSQL the build tests with (root pom.xml). */
    static int testedPostgresMajor() {
        try {
            Matcher m = Pattern.compile("<zonky-postgres-binaries.version>(\\d+)\\.")
                    .matcher(Files.readString(ROOT.resolve("pom.xml")));
            assertThat(m.find())
                    .as("the root pom names the embedded PostgreSQL's version")
                    .isTrue();
            return Integer.parseInt(m.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aDatabaseRestoresFromItsBackupsIntoANewArchive() {
        List<GenericKubernetesResource> clusters = restore.generic("Cluster");
        assertThat(clusters).as("infrastructure/restore: one Cluster").hasSize(1);
        GenericKubernetesResource c = clusters.get(0);
        String name = c.getMetadata().getName();
        assertThat(infrastructures.get("infrastructure").generic("Cluster"))
                .as("it restores one of production's databases under its own name")
                .anySatisfy(p -> assertThat(p.getMetadata().getName()).isEqualTo(name));
        String source = (String) path(c, "spec", "bootstrap", "recovery", "source");
        assertThat(source).as("bootstrapped from a recovery").isNotNull();
        assertThat(String.valueOf(path(c, "spec", "externalClusters")))
                .as("the source is the lost cluster's backups, read through the plugin")
                .contains("name=" + source)
                .contains("name=barman-cloud.cloudnative-pg.io")
                .contains("barmanObjectName=kassa-backups")
                .contains("serverName=" + name + "}");
        assertThat(String.valueOf(path(c, "spec", "plugins")))
                .as("it archives to a new folder, leaving the backups it came from intact")
                .contains("isWALArchiver=true")
                .contains("serverName=" + name + "-r1");
        assertThat(((Number) path(c, "spec", "imageCatalogRef", "major")).intValue())
                .isEqualTo(testedPostgresMajor());
        assertThat(path(c, "spec", "bootstrap", "recovery", "database"))
                .as("the service's database and owner")
                .isEqualTo(path(
                        infrastructures.get("infrastructure").generic("Cluster").stream()
                                .filter(p -> p.getMetadata().getName().equals(name))
                                .findFirst()
                                .orElseThrow(),
                        "spec",
                        "bootstrap",
                        "initdb",
                        "database"));
    }

    static Object path(GenericKubernetesResource object, String... keys) {
        Object current = object.getAdditionalProperties();
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @Test
    void everyRenderedObjectIsLabelledAsPartOfKassa() {
        overlays.values().forEach(r -> r.objects().stream()
                .filter(o -> !(o instanceof Namespace))
                .forEach(o -> assertThat(o.getMetadata().getLabels())
                        .as(
                                "%s: %s %s labels",
                                r.name(), o.getKind(), o.getMetadata().getName())
                        .containsEntry(PART_OF, "kassa")));
        overlays.values().forEach(r -> r.objects()
                .forEach(o -> assertThat(o.getMetadata().getNamespace())
                        .as(
                                "%s: %s %s namespace (the one of the infrastructure)",
                                r.name(), o.getKind(), o.getMetadata().getName())
                        .isEqualTo("kassa")));
        Set<String> named = Set.of(
                "Deployment",
                "Service",
                "ServiceAccount",
                "HorizontalPodAutoscaler",
                "PodDisruptionBudget",
                "PodMonitor",
                "Ingress");
        List<String> unnamed = new ArrayList<>();
        overlays.values().forEach(r -> r.objects().stream()
                .filter(o -> named.contains(o.getKind()))
                .filter(o -> o.getMetadata().getLabels() == null
                        || !o.getMetadata().getLabels().containsKey(NAME))
                .forEach(o -> unnamed.add(
                        r.name() + ": " + o.getKind() + " " + o.getMetadata().getName())));
        assertThat(unnamed).as("objects without app.kubernetes.io/name").isEmpty();
    }
}
