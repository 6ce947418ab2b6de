package dev.kassa.infra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A small JSON client for the benchmark: one shared connection pool, a token and a store per caller. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    record Answer(int status, JsonNode body, long nanos) {
        String text(String pointer) {
            return body.at(pointer).asText();
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final String base;
    private final String token;
    private final String store;

    Http(String base, String token, String store) {
        this.base = base;
        this.token = token;
        this.store = store;
    }

    Http as(String token, String store) {
        return new Http(base, token, store);
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    Answer send(String method, String path, Object body) {
        return send(method, path, body, null);
    }

    /** A request with an {@code Idempotency-Key} (null: none), as a till sends the ones it may retry. */
    Answer send(String method, String path, Object body, String idempotencyKey) {
        return send(method, path, body, idempotencyKey, "application/json");
    }

    /** A request for a file (a PDF, a page, a spreadsheet): any type accepted. */
    Answer file(String method, String path, Object body) {
        return send(method, path, body, null, "*/*");
    }

    /** A GET of a plain-text resource (a Prometheus scrape): the answer's body is the text. */
    Answer getText(String path) {
        return send("GET", path, null, null, "text/plain");
    }

    /** A GET with one more request header (an {@code If-None-Match}). */
    Answer get(String path, String header, String value) {
        return send("GET", path, null, null, "application/json", header, value);
    }

    /** The {@code ETag} a GET's answer carries, null without one. */
    String etag(String path) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token);
            if (store != null) {
                request.header("X-Tenant-Key", store);
            }
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .headers()
                    .firstValue("ETag")
                    .orElse(null);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private Answer send(String method, String path, Object body, String idempotencyKey, String accept) {
        return send(method, path, body, idempotencyKey, accept, null, null);
    }

    private Answer send(
            String method,
            String path,
            Object body,
            String idempotencyKey,
            String accept,
            String header,
            String value) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", accept);
            if (header != null) {
                request.header(header, value);
            }
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (store != null) {
                request.header("X-Tenant-Key", store);
            }
            if (body != null) {
                request.header("Content-Type", "application/json");
                request.method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            long start = System.nanoTime();
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            long nanos = System.nanoTime() - start;
            JsonNode json = response.body().length == 0 ? JSON.nullNode() : parse(response.body());
            return new Answer(response.statusCode(), json, nanos);
        } catch (IOException e) {
            return new Answer(-1, JSON.getNodeFactory().textNode(e.toString()), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, JSON.getNodeFactory().textNode("interrupted"), 0);
        }
    }

    /** A multipart form of one file (an import's spreadsheet), as a browser's form posts it. */
    Answer upload(String path, String field, String filename, byte[] content) {
        String boundary = "kassa-bench-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                        + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .header("X-Tenant-Key", store)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.concat(
                            HttpRequest.BodyPublishers.ofByteArray(head),
                            HttpRequest.BodyPublishers.ofByteArray(content),
                            HttpRequest.BodyPublishers.ofByteArray(tail)));
            long start = System.nanoTime();
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), parse(response.body()), System.nanoTime() - start);
        } catch (IOException e) {
            return new Answer(-1, JSON.getNodeFactory().textNode(e.toString()), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, JSON.getNodeFactory().textNode("interrupted"), 0);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
        }
    }

    /** Stops a measuring run whose set-up failed: throws unless {@code ok}, naming the step and its answer. */
    static void require(boolean ok, String what, Answer answer) {
        if (!ok) {
            throw new IllegalStateException("benchmark set-up failed at " + what + ": " + answer);
        }
    }

    static Map<String, Object> json(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
