package dev.qcurate.command.importing;

import dev.qcurate.command.dispatch.PositionHeader;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/imports?source=<document name>&list=<list name>} with the document as the raw body
 * ({@code text/markdown} or {@code text/plain}). The body is read as bytes, at most {@link ImportLimits#MAX_DOCUMENT_BYTES},
 * and decoded strictly: UTF-8 unless the Content-Type names another charset; undecodable bytes are refused (400)
 * rather than guessed at.
 */
@RestController
@RequiredArgsConstructor
class ImportController {

    static final int MAX_SOURCE_LENGTH = 255;

    private final QuestionImport imports;

    @PostMapping(
            path = "/api/imports",
            consumes = {"text/markdown", "text/x-markdown", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<Map<String, Object>> importDocument(
            @RequestParam String source, @RequestParam(required = false) String list, HttpServletRequest request)
            throws IOException {
        String document = documentName(source);
        byte[] content = readLimited(request);
        String text = decode(content, request.getContentType());
        boolean listChosen = list != null && !list.isBlank();
        String listName = listChosen ? list.strip() : defaultListName(document);
        QuestionImport.Outcome outcome = imports.run(text, sha256(content), document, listName, listChosen);
        return ResponseEntity.status(outcome.repeated() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .header(PositionHeader.NAME, Long.toString(outcome.position()))
                .body(outcome.body());
    }

    /** A finished import's answer again (the web's outcome page, shared or reloaded); 404 while none is stored. */
    @GetMapping("/api/imports/{importId}")
    Map<String, Object> importOutcome(@PathVariable UUID importId) {
        return imports.answerOf(importId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no finished import " + importId));
    }

    @ExceptionHandler(DocumentTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(DocumentTooLargeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.PAYLOAD_TOO_LARGE,
                e.getMessage()
                        + "; split it into documents of at most 1 MiB and " + ImportLimits.MAX_ITEMS_PER_DOCUMENT
                        + " numbered questions");
        problem.setTitle("Document too large");
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
    }

    @ExceptionHandler(DuplicateCheckUnavailableException.class)
    ResponseEntity<ProblemDetail> queryServiceDown(DuplicateCheckUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "the duplicate check is not available, so nothing was imported; retry later (" + e.getMessage() + ")");
        problem.setTitle("Duplicate check unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .body(problem);
    }

    /** The document's name as given, without any folders a client may have sent along. */
    static String documentName(String source) {
        String name = source == null ? "" : source.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .strip();
        if (name.isEmpty() || name.length() > MAX_SOURCE_LENGTH) {
            throw new IllegalArgumentException(
                    "source must be the document's name, 1 to " + MAX_SOURCE_LENGTH + " characters");
        }
        return name;
    }

    /** "Python Q&A (2).md" → "Python Q-A -2-": the name without extension, in the characters list names allow. */
    static String defaultListName(String document) {
        int dot = document.lastIndexOf('.');
        String base = dot > 0 ? document.substring(0, dot) : document;
        String name = base.replaceAll("[^\\p{L}\\p{N} ._\\-]", "-").replaceAll("^[^\\p{L}\\p{N}]+", "");
        return name.length() > 100 ? name.substring(0, 100).strip() : name.strip();
    }

    private static byte[] readLimited(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > ImportLimits.MAX_DOCUMENT_BYTES) {
            throw tooLarge(request.getContentLengthLong());
        }
        try (InputStream body = request.getInputStream()) {
            byte[] content = body.readNBytes(ImportLimits.MAX_DOCUMENT_BYTES + 1);
            if (content.length > ImportLimits.MAX_DOCUMENT_BYTES) {
                throw tooLarge(-1);
            }
            return content;
        }
    }

    private static DocumentTooLargeException tooLarge(long bytes) {
        return new DocumentTooLargeException("the document is larger than 1 MiB ("
                + (bytes > 0 ? bytes + " bytes, at most " : "at most ") + ImportLimits.MAX_DOCUMENT_BYTES + " bytes)");
    }

    static String decode(byte[] content, String contentType) {
        Charset charset = StandardCharsets.UTF_8;
        if (contentType != null) {
            try {
                Charset declared = MediaType.parseMediaType(contentType).getCharset();
                charset = declared == null ? charset : declared;
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("the Content-Type names a charset this service does not know");
            }
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException("the document is not valid " + charset.name() + " (at byte "
                    + offsetOfError(content, charset) + "); save it as UTF-8, or name its charset in the Content-Type,"
                    + " e.g. text/plain; charset=windows-1252");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the document is not valid " + charset.name());
        }
    }

    private static long offsetOfError(byte[] content, Charset charset) {
        ByteBuffer bytes = ByteBuffer.wrap(content);
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        var result = decoder.decode(bytes, java.nio.CharBuffer.allocate(content.length + 1), true);
        return result.isError() ? bytes.position() : -1;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
