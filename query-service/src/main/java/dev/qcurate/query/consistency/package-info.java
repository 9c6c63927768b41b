/** Read-your-writes: GET requests with {@code minPosition} wait until the read model has caught up. */
package dev.qcurate.query.consistency;
