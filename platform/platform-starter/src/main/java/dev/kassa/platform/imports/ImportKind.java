package dev.kassa.platform.imports;

import java.util.List;

/**
 * What one kind of import reads: its name ({@code products}, unique in the service), its columns in the order the export
 * writes them, and how a row can find what the store has ({@code sku}, {@code barcode}; the first is the default).
 */
public record ImportKind(String name, List<ImportColumn> columns, List<String> matches) {}
