/**
 * Compressed list bodies: gzip negotiated by {@code Accept-Encoding}, compressed once per immutable representation.
 */
package dev.qcurate.query.compression;
