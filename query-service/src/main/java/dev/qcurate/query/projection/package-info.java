/** Consumes the event topic and applies each event once, in order, to every projection of the read model. */
package dev.qcurate.query.projection;
