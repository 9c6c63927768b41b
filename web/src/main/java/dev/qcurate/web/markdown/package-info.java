/** Markdown written by users (proposal comments), rendered to HTML that is safe to put in a page. */
package dev.qcurate.web.markdown;
