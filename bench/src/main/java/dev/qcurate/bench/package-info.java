/** The benchmark: starts or finds the stack, drives it over HTTP, and writes the Markdown and JSON report. */
package dev.qcurate.bench;
