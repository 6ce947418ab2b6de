package dev.kassa.platform.validation;

import jakarta.validation.groups.Default;

/**
 * The rules that hold when a whole record is sent (a create, a PUT) but not on a PATCH, which may leave fields out: a
 * controller validates a create or a PUT with {@code @Validated(Whole.class)}, which checks the default rules too, and a
 * PATCH with {@code @Valid}. A field required in a whole record is {@code @Required(groups = Whole.class) @Filled}.
 */
public interface Whole extends Default {}
