package dev.kassa.sales.shift;

/**
 * A shift is closing, inside the transaction that closes it (an in-process event, not a Kafka one): what belongs to the shift
 * elsewhere ends with it, e.g. the till cancels the shift's empty drafts. A listener's failure rolls the close back.
 */
public record ShiftClosing(long sessionId) {}
