package dev.kassa.platform.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * {@code kassa.imports.*}: the largest file, the most a workbook may unpack to (what the service holds while it reads
 * one: its shared strings stay in memory) and the most rows taken, how many rows a chunk commits at once, how long a
 * running job's instance answers for it without news ({@code lease}; then another takes it over), how long ended jobs
 * are kept, and how many jobs an instance works at once.
 */
@ConfigurationProperties("kassa.imports")
public record ImportProperties(
        @DefaultValue("20MB") DataSize maxSize,
        @DefaultValue("32MB") DataSize maxUnpacked,
        @DefaultValue("100000") int maxRows,
        @DefaultValue("500") int chunkRows,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("30d") Duration keep,
        @DefaultValue("2") int threads) {}
