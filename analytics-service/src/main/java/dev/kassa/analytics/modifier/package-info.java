/**
 * Sales by modifier (issue 65 point 2): what each option of a modifier group was sold with in a period and what it added,
 * read from what facts records per sale; uses period.
 */
package dev.kassa.analytics.modifier;
