/**
 * A café's floor (issue 65 points 4 and 6): areas and tables, each table's public menu link and its QR code, and the guests'
 * menu page at that link ({@code GET /m/{token}}); owns {@code areas}, {@code dining_tables} and the service-wide
 * {@code table_links}; uses catalog (the menu). Other features see the tables through {@link dev.kassa.sales.floor.TableService};
 * the order package answers whether a table has orders ({@link dev.kassa.sales.floor.TableOrders}).
 */
package dev.kassa.sales.floor;
