package dev.kassa.sales.shift;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

/** SessionDetail (spec §5.4.1): the shift as {@link SessionView} shows it, with its cash movements as the movement list shows them. */
public record SessionDetail(@JsonUnwrapped SessionView session, List<CashMovement> cashMovements) {}
