package dev.kassa.platform.export;

import java.io.Closeable;
import java.util.List;

/** Writes a table row by row into a file of one format; closing it ends the file (the stream stays the caller's). */
interface TableWriter extends Closeable {
    void row(List<?> values);
}
