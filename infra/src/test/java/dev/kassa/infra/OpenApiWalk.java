package dev.kassa.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.test.Api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attack run of issue 16, repeatable: walks every operation of every service's published OpenAPI and sends it the
 * variants an outsider would try, through the gateway and straight to the service's own port. It collects findings
 * instead of stopping at the first, so one run shows all of them:
 * <ul>
 *   <li>any 5xx (bad input is the caller's mistake: 4xx);</li>
 *   <li>any answer of 400 or more without the error body {@code {"status":"error","code":…,"message":…}};</li>
 *   <li>any 2xx where a refusal is due: no token, a forged token, another store's key, a role the operation excludes.</li>
 * </ul>
 * Variants: no token; a forged token (a real one with its signature changed); another store's key; a cashier's and a
 * stockkeeper's token on operations whose published roles ({@code x-kassa-roles}) leave them out; a store app's token
 * with every scope on operations that publish no scope ({@code x-kassa-scopes}: not for apps); malformed bodies
 * (wrong types, nulls, huge numbers, 10,000-character strings, duplicate keys, deep nesting, not JSON, a wrong content
 * type); a non-ASCII header value; odd, huge and blank ids in the path.
 */
final class OpenApiWalk {

    static final List<String> SERVICES =
            List.of("auth", "catalog", "sales", "analytics", "task", "customer", "production");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PUBLIC = Set.of(
            "/api/users/auth/register",
            "/api/users/auth/login",
            "/api/users/auth/token/refresh",
            "/api/users/auth/pin-login",
            "/api/users/auth/pin_login",
            "/api/users/auth/logout",
            "/api/users/.well-known/jwks.json",
            "/api/users/oauth/token",
            "/.well-known/jwks.json");

    /**
     * @param roles  who may call it ({@code x-kassa-roles}); empty when the operation does not say
     * @param scopes the app scopes that may call it ({@code x-kassa-scopes}); empty: no app may
     */
    record Operation(
            String service, String method, String path, boolean hasBody, List<String> roles, List<String> scopes) {}

    private final String gatewayUrl;
    private final Map<String, String> directUrls;
    private final List<String> findings = new ArrayList<>();
    private int requests;

    /**
     * @param directUrls each service's own base URL, by the names of {@link #SERVICES}
     */
    OpenApiWalk(String gatewayUrl, Map<String, String> directUrls) {
        this.gatewayUrl = gatewayUrl;
        this.directUrls = directUrls;
    }

    List<String> findings() {
        return findings;
    }

    int requests() {
        return requests;
    }

    /** Every operation the gateway's documentation publishes, service by service. */
    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        Api docs = new Api(gatewayUrl);
        for (String service : SERVICES) {
            JsonNode spec = docs.get("/api-docs/" + service).body();
            for (Iterator<Map.Entry<String, JsonNode>> paths =
                            spec.path("paths").fields();
                    paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> methods =
                                path.getValue().fields();
                        methods.hasNext(); ) {
                    Map.Entry<String, JsonNode> method = methods.next();
                    String m = method.getKey().toUpperCase();
                    if (Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(m)) {
                        List<String> roles = new ArrayList<>();
                        method.getValue().path("x-kassa-roles").forEach(r -> roles.add(r.asText()));
                        List<String> scopes = new ArrayList<>();
                        method.getValue().path("x-kassa-scopes").forEach(r -> scopes.add(r.asText()));
                        operations.add(new Operation(
                                service, m, path.getKey(), method.getValue().has("requestBody"), roles, scopes));
                    }
                }
            }
        }
        return operations;
    }

    /**
     * @param token    a real owner's token for {@code key}, used where the variant needs an authenticated caller
     * @param key      that owner's store (a store of its own: the malformed bodies may create things in it)
     * @param outsider a real token of someone who does not work in {@code key}'s store
     * @param staff    real tokens of {@code key}'s staff by role (cashier, stockkeeper): sent to operations whose
     *                 {@code x-kassa-roles} leave their role out, they must be refused
     * @param app      a real token of an app of {@code key}'s store with every scope: sent to operations that publish no
     *                 scope, it must be refused
     */
    void walk(
            List<Operation> operations,
            String token,
            String key,
            String outsider,
            Map<String, String> staff,
            String app) {
        String forged = forge(token);
        for (Operation op : operations) {
            String path = op.path().replaceAll("\\{[^}]+}", "987654321");
            boolean isPublic = PUBLIC.stream().anyMatch(p -> path.equals(p) || path.equals(p + "/"));
            String body = op.hasBody() ? "{}" : null;
            for (String base : List.of(gatewayUrl, directUrls.get(op.service()))) {
                String where = base.equals(gatewayUrl) ? "gateway" : op.service() + " port";
                Api api = new Api(base);
                // who may call it
                check(op, where, "no token", api.in(key).send(op.method(), path, body), !isPublic);
                check(op, where, "forged token", api.as(forged).in(key).send(op.method(), path, body), !isPublic);
                if (!isPublic && !path.startsWith("/api/users/")) {
                    check(
                            op,
                            where,
                            "another store's key",
                            api.as(outsider).in(key).send(op.method(), path, body),
                            true);
                }
            }
            for (Map.Entry<String, String> member : staff.entrySet()) {
                if (!op.roles().isEmpty() && !op.roles().contains(member.getKey())) {
                    check(
                            op,
                            "gateway",
                            member.getKey() + "'s token",
                            new Api(gatewayUrl).as(member.getValue()).in(key).send(op.method(), path, body),
                            true);
                    check(
                            op,
                            op.service() + " port",
                            member.getKey() + "'s token",
                            new Api(directUrls.get(op.service()))
                                    .as(member.getValue())
                                    .in(key)
                                    .send(op.method(), path, body),
                            true);
                }
            }
            if (!isPublic && op.scopes().isEmpty()) {
                for (String base : List.of(gatewayUrl, directUrls.get(op.service()))) {
                    check(
                            op,
                            base.equals(gatewayUrl) ? "gateway" : op.service() + " port",
                            "an app's token",
                            new Api(base).as(app).in(key).send(op.method(), path, body),
                            true);
                }
            }
            Api owner = new Api(gatewayUrl).as(token).in(key);
            // what it is sent
            if (op.path().contains("{")) {
                // (an operation without ids in its path would only be called as is: a live stream would not end)
                check(
                        op,
                        "gateway",
                        "odd id",
                        owner.send(op.method(), op.path().replaceAll("\\{[^}]+}", "abc"), body),
                        false);
                check(
                        op,
                        "gateway",
                        "huge id",
                        owner.send(op.method(), op.path().replaceAll("\\{[^}]+}", "99999999999999999999"), body),
                        false);
                // a blank id (issue 84, point 11: imports/%20 was a 500)
                check(
                        op,
                        "gateway",
                        "blank id",
                        owner.send(op.method(), op.path().replaceAll("\\{[^}]+}", "%20"), body),
                        false);
            }
            if (op.hasBody()) {
                for (Map.Entry<String, String> bad : malformedBodies().entrySet()) {
                    check(op, "gateway", bad.getKey(), owner.send(op.method(), path, bad.getValue()), false);
                }
                check(
                        op,
                        "gateway",
                        "wrong content type",
                        raw(gatewayUrl, op.method(), path, token, key, "text/plain", "hello", null),
                        false);
            }
            check(
                    op,
                    "gateway",
                    "non-ASCII header",
                    raw(
                            gatewayUrl,
                            op.method(),
                            path,
                            token,
                            "магазин",
                            "application/json",
                            body,
                            "Accept-Language: рус"),
                    false);
            check(
                    op,
                    op.service() + " port",
                    "non-ASCII header",
                    raw(
                            directUrls.get(op.service()),
                            op.method(),
                            path,
                            token,
                            "магазин",
                            "application/json",
                            body,
                            "Accept-Language: рус"),
                    false);
        }
    }

    private static Map<String, String> malformedBodies() {
        Map<String, String> bodies = new LinkedHashMap<>();
        String fields =
                "\"name\",\"username\",\"password\",\"quantity\",\"amount\",\"price\",\"sale_price\",\"session\",\"product\",\"customer\","
                        + "\"phone\",\"title\",\"assigned_to\",\"store_name\",\"payments\",\"items\",\"category\",\"unit\",\"role\"";
        StringBuilder wrongTypes = new StringBuilder("{");
        StringBuilder nulls = new StringBuilder("{");
        StringBuilder huge = new StringBuilder("{");
        StringBuilder longText = new StringBuilder("{");
        String tenThousand = "Ж".repeat(10_000);
        for (String f : fields.split(",")) {
            String sep = wrongTypes.length() > 1 ? "," : "";
            wrongTypes.append(sep).append(f).append(":{\"a\":[true]}");
            nulls.append(sep).append(f).append(":null");
            huge.append(sep).append(f).append(":1e400");
            longText.append(sep).append(f).append(":\"").append(tenThousand).append('"');
        }
        bodies.put("wrong types", wrongTypes.append('}').toString());
        bodies.put("nulls", nulls.append('}').toString());
        bodies.put("huge numbers", huge.append('}').toString());
        bodies.put("10k strings", longText.append('}').toString());
        bodies.put("duplicate keys", "{\"username\":\"a\",\"username\":\"b\",\"name\":\"x\",\"name\":\"y\"}");
        bodies.put("deep nesting", "[".repeat(5_000) + "]".repeat(5_000));
        bodies.put("not JSON", "{\"name\": ");
        bodies.put("array", "[1,2,3]");
        bodies.put(
                "negative and fractional",
                "{\"quantity\":-1.5,\"amount\":-100,\"price\":\"-0.001\",\"session\":-1,\"product\":1.5}");
        return bodies;
    }

    private void check(Operation op, String where, String variant, Answer answer, boolean refusalDue) {
        requests++;
        String what = op.method() + " " + op.path() + " (" + where + ", " + variant + ")";
        if (answer.status() == 599) {
            findings.add(what + ": " + answer.body());
        } else if (answer.status() >= 500) {
            findings.add(what + ": " + answer.status() + " " + abbreviate(answer.body()));
        } else if (answer.status() >= 400 && !errorBody(answer.body())) {
            findings.add(what + ": " + answer.status() + " without the error body: " + abbreviate(answer.body()));
        } else if (refusalDue && answer.status() < 300) {
            findings.add(what + ": " + answer.status() + " where a refusal is due");
        }
    }

    private void check(Operation op, String where, String variant, Api.Response r, boolean refusalDue) {
        check(op, where, variant, new Answer(r.status(), r.raw()), refusalDue);
    }

    private static boolean errorBody(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return "error".equals(json.path("status").asText())
                    && !json.path("code").asText().isBlank()
                    && !json.path("message").asText().isBlank();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }

    /** The same token with its signature changed: well-formed, never valid. */
    static String forge(String token) {
        int dot = token.lastIndexOf('.');
        String signature = token.substring(dot + 1);
        char first = signature.charAt(0);
        return token.substring(0, dot + 1) + (first == 'A' ? 'B' : 'A') + signature.substring(1);
    }

    record Answer(int status, String body) {}

    /**
     * A request written on the socket, for what Java's HTTP client will not send: header values that are not ASCII, and a
     * content type of the caller's choosing.
     */
    static Answer raw(
            String baseUrl,
            String method,
            String path,
            String token,
            String key,
            String contentType,
            String body,
            String extraHeader) {
        URI uri = URI.create(baseUrl);
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder();
        head.append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\n")
                .append("Host: ")
                .append(uri.getHost())
                .append(':')
                .append(uri.getPort())
                .append("\r\n")
                .append("Authorization: Bearer ")
                .append(token)
                .append("\r\n")
                .append("X-Tenant-Key: ")
                .append(key)
                .append("\r\n")
                .append("Connection: close\r\n");
        if (extraHeader != null) {
            head.append(extraHeader).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: ")
                    .append(contentType)
                    .append("\r\n")
                    .append("Content-Length: ")
                    .append(payload.length)
                    .append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                out.write(payload);
                out.flush();
            } catch (SocketException early) {
                // the server answered (and closed) before taking the whole request: read what it said
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                in.transferTo(all);
            } catch (SocketException reset) {
                // a server may answer and close before reading the whole body; what arrived before the reset counts
            }
            String response = all.toString(StandardCharsets.UTF_8);
            if (!response.startsWith("HTTP/1.1 ")) {
                return new Answer(599, "the connection closed without an answer");
            }
            int status = Integer.parseInt(response.substring(9, 12));
            int split = response.indexOf("\r\n\r\n");
            String headers = response.substring(0, split).toLowerCase();
            String rest = response.substring(split + 4);
            return new Answer(status, headers.contains("transfer-encoding: chunked") ? dechunk(rest) : rest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
        int i = 0;
        while (i < bytes.length) {
            int lineEnd = indexOf(bytes, i);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(
                    new String(bytes, i, lineEnd - i, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(new String(bytes, lineEnd + 2, size, StandardCharsets.UTF_8));
            i = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
