/** Real PostgreSQL and Apache Kafka without Docker, for {@code ./qcurate up} and for integration tests. */
package dev.qcurate.devstack;
