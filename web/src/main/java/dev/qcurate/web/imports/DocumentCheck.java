package dev.qcurate.web.imports;

import org.springframework.web.multipart.MultipartFile;

import java.util.Locale;
import java.util.Set;

/**
 * What the web edge refuses before sending a document: none chosen, empty, not text, over the command service's
 * 1 MiB. The service checks again (encoding, numbered questions); these are the mistakes worth a sentence here.
 */
final class DocumentCheck {

    static final long MAX_BYTES = 1024 * 1024;
    static final int MAX_LIST_NAME = 100;
    private static final Set<String> EXTENSIONS = Set.of("md", "markdown", "txt", "text");

    private DocumentCheck() {}

    /** Why the document cannot be imported, or null. */
    static String problem(MultipartFile document) {
        if (document == null
                || document.getOriginalFilename() == null
                || document.getOriginalFilename().isBlank()) {
            return "Choose a document to import: a Markdown or plain-text file (.md or .txt).";
        }
        String name = fileName(document.getOriginalFilename());
        if (!isText(name, document.getContentType())) {
            return "“" + name + "” is not a Markdown or plain-text document: choose a .md or .txt file.";
        }
        if (document.isEmpty()) {
            return "“" + name + "” is empty: there is nothing to import.";
        }
        if (document.getSize() > MAX_BYTES) {
            return tooLarge(name, document.getSize());
        }
        return null;
    }

    static String tooLarge(String name, long bytes) {
        String size = bytes > 0 ? " (" + String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0)) + " MiB)" : "";
        return (name == null ? "The document" : "“" + name + "”") + " is too large" + size
                + ": a document can be at most 1 MiB. Split it into smaller documents and import each.";
    }

    /** The name without any folders a browser sent along. */
    static String fileName(String original) {
        String name = original.strip();
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    /**
     * "Python Q&A (2).md" → "Python Q-A -2-": the name without extension, in the characters list names allow (the
     * command service derives the same default).
     */
    static String defaultListName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        String name = base.replaceAll("[^\\p{L}\\p{N} ._\\-]", "-").replaceAll("^[^\\p{L}\\p{N}]+", "");
        return name.length() > MAX_LIST_NAME ? name.substring(0, MAX_LIST_NAME).strip() : name.strip();
    }

    private static boolean isText(String name, String contentType) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (EXTENSIONS.contains(extension)) {
            return true;
        }
        // a name without a known extension: trust a browser that calls it text
        return dot < 0
                && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("text/");
    }
}
