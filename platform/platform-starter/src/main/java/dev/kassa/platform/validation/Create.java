package dev.kassa.platform.validation;

/**
 * The rules of a create: those of a {@link Whole} record and what only a create names, such as the record a new one
 * belongs to (an option's attribute, an extra code's product), which a PUT names by its path instead. A domain-validated
 * create checks them with {@code RequestRules.check(request, Create.class)}.
 */
public interface Create extends Whole {}
