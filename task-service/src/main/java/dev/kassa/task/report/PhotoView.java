package dev.kassa.task.report;

import java.time.Instant;

/** A report's photo: {@code photo} its path at the gateway, {@code photo_url} the same as an absolute address. */
public record PhotoView(
        long id, String photo, String photoUrl, String caption, String contentType, int size, Instant uploadedAt) {}
