package dev.kassa.platform.files;

import dev.kassa.platform.error.PlatformErrors;
import dev.kassa.platform.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import java.time.Duration;
import java.util.UUID;

/**
 * Serves a store's files to its members at {@code kassa.files.path}/{id}: the type found in the bytes, the SHA-256 as
 * ETag (a repeated fetch answers 304), cacheable by the client only (files are private to the store) and for a year
 * (a file never changes; a new photo is a new file).
 */
@RestController
class FileController {

    private final FileStore files;

    FileController(FileStore files) {
        this.files = files;
    }

    @Operation(summary = "A photo or image of the store (JPEG, PNG or WebP), as stored")
    @GetMapping(
            value = "${kassa.files.path}/{id}",
            produces = {"image/jpeg", "image/png", "image/webp", "application/json"})
    @PreAuthorize(Access.MEMBER)
    ResponseEntity<byte[]> get(@PathVariable String id, WebRequest request) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw PlatformErrors.FILE_NOT_FOUND.exception();
        }
        FileStore.Content content = files.read(uuid).orElseThrow(() -> PlatformErrors.FILE_NOT_FOUND.exception());
        String etag = "\"" + content.file().sha256() + "\"";
        CacheControl cache =
                CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable();
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(304).eTag(etag).cacheControl(cache).build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.file().contentType()))
                .contentLength(content.bytes().length)
                .eTag(etag)
                .cacheControl(cache)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(uuid + extension(content.file()))
                                .build()
                                .toString())
                .body(content.bytes());
    }

    private static String extension(StoredFile file) {
        return switch (file.contentType()) {
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            default -> ".jpg";
        };
    }
}
