/** The message contract of qcurate: ids, commands and events shared by the command and query services. */
package dev.qcurate.shared;
