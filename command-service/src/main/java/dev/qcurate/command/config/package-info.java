/** Technical wiring: Axon on the JDBC event store, publishing to Kafka, security, and error answers. */
package dev.qcurate.command.config;
