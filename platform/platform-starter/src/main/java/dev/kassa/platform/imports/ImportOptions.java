package dev.kassa.platform.imports;

/**
 * How a job treats its rows: {@code dryRun} keeps nothing and tells what would happen (a handler that checks a chunk before writing only checks), {@code match} names
 * how a row finds what the store already has (one of the handler's {@link ImportHandler#matches()}),
 * {@code allOrNothing} keeps the rows only if none is refused; {@code requestedBy} is the user who uploaded the file (whom the
 * rows' ledger entries name).
 */
public record ImportOptions(boolean dryRun, String match, boolean allOrNothing, Long requestedBy) {}
