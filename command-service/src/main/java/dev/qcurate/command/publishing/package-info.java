/** Relays stored events to the Kafka topic, in batches, from the event store (so a Kafka outage loses nothing). */
package dev.qcurate.command.publishing;
