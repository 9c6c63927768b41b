/** The question aggregate, its value objects, and the endpoints where editors propose changes to questions. */
package dev.qcurate.command.question;
