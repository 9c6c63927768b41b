/** Questions in the read model: projection, detail with history and aliases, and search. */
package dev.qcurate.query.question;
