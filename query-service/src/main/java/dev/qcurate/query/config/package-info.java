/** Technical wiring: Kafka consumption, token verification, and error answers. */
package dev.qcurate.query.config;
