/** Task templates and tasks made from them; uses board and card. */
package dev.kassa.task.template;
