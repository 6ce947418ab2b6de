/** Product images (stored files and their order); uses no other feature. */
package dev.kassa.catalog.catalogue.image;
