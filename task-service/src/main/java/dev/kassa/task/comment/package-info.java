/** Comments on tasks; uses board. */
package dev.kassa.task.comment;
