/** The job that marks tasks overdue; uses board. */
package dev.kassa.task.reminder;
