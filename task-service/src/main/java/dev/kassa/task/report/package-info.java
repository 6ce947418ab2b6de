/** Work reports with photos on tasks; uses board. */
package dev.kassa.task.report;
