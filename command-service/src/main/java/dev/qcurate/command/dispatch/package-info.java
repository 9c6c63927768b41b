/** Sends commands as the signed-in user and answers with the global position of the events they caused. */
package dev.qcurate.command.dispatch;
