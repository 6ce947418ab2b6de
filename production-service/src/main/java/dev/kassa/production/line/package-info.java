/** Work centres (a plant's lines, a bakery's ovens): their calendars and every change of their status; uses no other feature. */
package dev.kassa.production.line;
