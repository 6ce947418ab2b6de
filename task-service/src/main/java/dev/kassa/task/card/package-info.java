/** A task as the clients show it, with its comments and reports; uses board, comment and report. */
package dev.kassa.task.card;
