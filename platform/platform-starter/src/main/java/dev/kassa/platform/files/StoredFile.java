package dev.kassa.platform.files;

import java.time.Instant;
import java.util.UUID;

/** A file of one store: what it is, never its bytes. {@code path} is where the store's clients fetch it (through the gateway). */
public record StoredFile(UUID id, String contentType, int size, String sha256, Instant createdAt, String path) {}
