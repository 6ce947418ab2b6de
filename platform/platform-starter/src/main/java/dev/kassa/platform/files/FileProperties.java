package dev.kassa.platform.files;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param enabled  whether this service keeps files (photos, images) for its stores
 * @param path     where the service serves them, e.g. {@code /api/tasks/files} (behind the gateway's route of the service)
 * @param maxSize  the largest file taken; larger ones are refused with 413 {@code file_too_large}
 */
@ConfigurationProperties("kassa.files")
public record FileProperties(@DefaultValue("false") boolean enabled, String path, @DefaultValue("5MB") DataSize maxSize) {
}
