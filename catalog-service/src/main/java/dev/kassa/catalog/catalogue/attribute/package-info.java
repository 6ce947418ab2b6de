/** Attributes, their options, the attributes each category uses and each product's values; uses category and product. */
package dev.kassa.catalog.catalogue.attribute;
