/**
 * Modifier groups and their options, the products they are offered with, and the check of the options a sold line
 * chose (issue 65 point 2); owns {@code modifier_groups}, {@code modifier_options}, {@code product_modifier_groups}; uses
 * no other feature.
 */
package dev.kassa.catalog.catalogue.modifier;
