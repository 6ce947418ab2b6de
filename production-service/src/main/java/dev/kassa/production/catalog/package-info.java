/** What production asks catalog (the products orders make); uses no other feature. */
package dev.kassa.production.catalog;
