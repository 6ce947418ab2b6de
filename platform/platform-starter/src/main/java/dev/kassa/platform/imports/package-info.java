/**
 * Imports of a store's spreadsheets (products, customers): an upload is checked whole before it is kept (CSV or XLSX,
 * size, rows, required columns, nothing that unpacks into a bomb), kept as a job in the store's schema and worked
 * through by any instance, row by row, each row taken or refused on its own (or all or nothing, or tried without
 * keeping anything), with its progress, counts and each refused row's reasons for the caller to see.
 */
package dev.kassa.platform.imports;
