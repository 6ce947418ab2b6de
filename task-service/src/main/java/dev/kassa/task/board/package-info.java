/** Tasks themselves: fields, statuses, assignment, deadlines and overdue ones; uses no other feature. */
package dev.kassa.task.board;
