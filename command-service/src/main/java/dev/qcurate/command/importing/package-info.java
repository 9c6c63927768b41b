/** Turns uploaded Markdown or plain-text question lists into proposed questions, reporting every entry it rejects. */
package dev.qcurate.command.importing;
