package dev.kassa.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.kassa.platform.security.ServiceTokens;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A plain HTTP client for tests that drive Kassa as a client would: JSON in and out, every status
 * returned (never thrown), headers set per call chain ({@code api.as(token).in(tenantKey).post(…)}).
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An answer: its status, its body as JSON (missing if not JSON), as text and as bytes (a photo), its headers. */
    public record Response(int status, JsonNode body, String raw, Map<String, List<String>> headers, byte[] bytes) {
        public JsonNode at(String pointer) {
            return body.at(pointer);
        }

        public String text(String pointer) {
            return body.at(pointer).asText();
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst()
                    .map(e -> e.getValue().get(0))
                    .orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }

    /** How a request reaches the service: over HTTP to a running one, or into a web slice's {@code MockMvc}. */
    interface Transport {
        Response exchange(String method, String path, Map<String, String> headers, byte[] payload, String contentType);
    }

    private final Transport transport;
    private final Map<String, String> headers;

    public Api(String baseUrl) {
        this(new HttpTransport(baseUrl), Map.of());
    }

    private Api(Transport transport, Map<String, String> headers) {
        this.transport = transport;
        this.headers = headers;
    }

    /**
     * The same client driving a web slice ({@link KassaWebTest}): requests go through the slice's filters, security and
     * controllers without a server.
     */
    public static Api through(MockMvc mvc) {
        return new Api(new MockMvcTransport(mvc), Map.of());
    }

    /** The service on {@code localhost:port} as user {@code userId} ({@code username}) with {@code role} in {@code store}, working in it. */
    public static Api member(int port, String store, long userId, String username, String role) {
        return new Api("http://localhost:" + port)
                .as(TestTokens.token(userId, username, Map.of(store, role)))
                .in(store);
    }

    public Api header(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new Api(transport, copy);
    }

    public Api as(String accessToken) {
        return header("Authorization", accessToken == null ? null : "Bearer " + accessToken);
    }

    public Api in(String tenantKey) {
        return header("X-Tenant-Key", tenantKey);
    }

    /** Sent as one of Kassa's own components would send it (a service token signed with the test suite's secret). */
    public Api asService() {
        return header(ServiceTokens.HEADER, TestTokens.SERVICES.issue());
    }

    public Api english() {
        return header("Accept-Language", "en");
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    /** {@code body} may be a JSON string (sent verbatim, malformed or not) or any object (serialised). */
    public Response send(String method, String path, Object body) {
        try {
            String payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            return exchange(
                    method,
                    path,
                    payload == null ? null : payload.getBytes(StandardCharsets.UTF_8),
                    "application/json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A POST of an HTML form ({@code application/x-www-form-urlencoded}), as OAuth 2.0's token endpoint takes one. */
    public Response form(String path, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return exchange(
                "POST", path, body.toString().getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    }

    /** A multipart form, as a browser sends one with files. */
    public Response multipart(String method, String path, Form form) {
        String boundary = "kassa-" + UUID.randomUUID();
        return exchange(method, path, form.encode(boundary), "multipart/form-data; boundary=" + boundary);
    }

    private Response exchange(String method, String path, byte[] payload, String contentType) {
        return transport.exchange(method, path, headers, payload, contentType);
    }

    /** The body as JSON, or missing when it is empty or not JSON. */
    static JsonNode parse(String text) {
        try {
            return text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }

    private record HttpTransport(String baseUrl) implements Transport {
        @Override
        public Response exchange(
                String method, String path, Map<String, String> headers, byte[] payload, String contentType) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(Duration.ofSeconds(30))
                        .method(
                                method,
                                payload == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofByteArray(payload));
                if (payload != null) {
                    request.header("Content-Type", contentType);
                }
                headers.forEach(request::header);
                HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                String text = new String(response.body(), StandardCharsets.UTF_8);
                return new Response(
                        response.statusCode(),
                        parse(text),
                        text,
                        response.headers().map(),
                        response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static Map<String, Object> json(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** The fields and files of a multipart form, in order (a name may repeat: {@code photos}, {@code photo_captions}). */
    public static final class Form {
        private record Part(String name, String filename, String contentType, byte[] content) {}

        private final List<Part> parts = new ArrayList<>();

        public Form field(String name, Object value) {
            parts.add(new Part(name, null, null, String.valueOf(value).getBytes(StandardCharsets.UTF_8)));
            return this;
        }

        public Form file(String name, String filename, String contentType, byte[] content) {
            parts.add(new Part(name, filename, contentType, content));
            return this;
        }

        byte[] encode(String boundary) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Part part : parts) {
                StringBuilder head = new StringBuilder("--")
                        .append(boundary)
                        .append("\r\nContent-Disposition: form-data; name=\"")
                        .append(part.name())
                        .append('"');
                if (part.filename() != null) {
                    head.append("; filename=\"")
                            .append(part.filename())
                            .append("\"\r\nContent-Type: ")
                            .append(part.contentType());
                }
                head.append("\r\n\r\n");
                out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
                out.writeBytes(part.content());
                out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
    }

    /** A tiny valid image of each kind the file store takes, and bytes that are not one. */
    public static final class Images {
        private Images() {}

        /** A 1×1 PNG. */
        public static byte[] png() {
            return Base64.getDecoder()
                    .decode(
                            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        }

        /** The start of a JPEG (enough for the file store, which reads the signature). */
        public static byte[] jpeg() {
            byte[] bytes = new byte[64];
            bytes[0] = (byte) 0xFF;
            bytes[1] = (byte) 0xD8;
            bytes[2] = (byte) 0xFF;
            bytes[3] = (byte) 0xE0;
            return bytes;
        }

        /** A JPEG signature followed by {@code size} bytes in all. */
        public static byte[] jpeg(int size) {
            byte[] bytes = new byte[size];
            System.arraycopy(jpeg(), 0, bytes, 0, 4);
            return bytes;
        }
    }
}
