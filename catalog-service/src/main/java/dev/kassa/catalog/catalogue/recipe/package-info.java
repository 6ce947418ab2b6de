/**
 * Recipes (issue 65 point 3): the components a product is made of and in what quantities (made on sale or ahead, issue
 * 87 point 2), their cost and how many can be made now; owns {@code recipe_components}; reads what a component has to
 * sell now through the catalogue's StockFigures.
 */
package dev.kassa.catalog.catalogue.recipe;
