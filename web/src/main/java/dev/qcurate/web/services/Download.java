package dev.qcurate.web.services;

/** A file a service served (an export): passed to the browser as it came. */
public record Download(byte[] bytes, String contentType, String contentDisposition) {}
