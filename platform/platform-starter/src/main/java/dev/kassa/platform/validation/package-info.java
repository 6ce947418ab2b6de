/**
 * Kassa's own Bean Validation constraints (the rules that are ours: Uzbek phone numbers, money with two decimals,
 * quantities in thousandths, ISO dates sent as text, closed sets of words, text a printer takes as it is written). Each
 * names the message key of its failure; {@link dev.kassa.platform.validation.ConstraintMessages} turns every violation,
 * ours and the standard ones, into the brief's error body in the caller's language.
 */
package dev.kassa.platform.validation;
