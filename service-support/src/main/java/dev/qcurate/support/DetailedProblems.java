package dev.qcurate.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Spring MVC's standard errors as problem+json (from {@link ResponseEntityExceptionHandler}), with a detail that says
 * which field is wrong and why instead of "Failed to read request". Never echoes more than a short piece of input.
 */
public abstract class DetailedProblems extends ResponseEntityExceptionHandler {

    private static final int ECHO = 40;

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(HttpStatus.BAD_REQUEST, "Unreadable request body", unreadable(e));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = e.getBindingResult().getAllErrors().stream()
                .map(error -> error instanceof FieldError field
                        ? "'" + field.getField() + "' " + field.getDefaultMessage()
                        : error.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return answer(HttpStatus.BAD_REQUEST, "Invalid request", detail);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> "'" + result.getMethodParameter().getParameterName() + "' "
                                + error.getDefaultMessage()))
                .sorted()
                .collect(Collectors.joining("; "));
        return answer(HttpStatus.BAD_REQUEST, "Invalid request", detail);
    }

    /** A multipart or otherwise broken upload never reaches a controller here; no endpoint takes multipart. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> multipart(MultipartException e) {
        return answer(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type",
                "multipart bodies are not accepted; send application/json (or the raw document for imports)");
    }

    static String unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof java.nio.charset.CharacterCodingException) {
            return "the request body is not valid UTF-8";
        }
        if (cause instanceof StrictJsonBodies.UnsafeTextException unsafe) {
            return field(unsafe) + unsafe.getOriginalMessage();
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'"
                    + (unknown.getPath().size() > 1
                            ? " in " + path(unknown, unknown.getPath().size() - 1)
                            : "");
        }
        if (cause instanceof InvalidFormatException invalid) {
            Class<?> type = invalid.getTargetType();
            String expected = type != null && type.isEnum()
                    ? "one of " + Arrays.toString(type.getEnumConstants())
                    : type == null ? "another value" : "a valid " + type.getSimpleName();
            return field(invalid) + "has an invalid value " + echo(String.valueOf(invalid.getValue())) + " (expected "
                    + expected + ")";
        }
        if (cause instanceof MismatchedInputException mismatched) {
            Class<?> type = mismatched.getTargetType();
            return field(mismatched) + "has the wrong type"
                    + (type == null ? "" : " (expected " + describe(type) + ")");
        }
        if (cause instanceof JsonMappingException mapping) {
            return field(mapping) + "cannot be read: " + shorten(mapping.getOriginalMessage());
        }
        if (cause instanceof StreamConstraintsException limits) {
            return "the JSON exceeds a size limit: " + shorten(limits.getOriginalMessage());
        }
        if (cause instanceof JsonProcessingException malformed) {
            var location = malformed.getLocation();
            return "malformed JSON"
                    + (location == null
                            ? ""
                            : " at line " + location.getLineNr() + ", column " + location.getColumnNr())
                    + ": " + shorten(malformed.getOriginalMessage());
        }
        return e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
                ? "the request body is missing"
                : "the request body cannot be read as JSON";
    }

    private static String field(JsonMappingException e) {
        return e.getPath().isEmpty() ? "the body " : "'" + path(e, e.getPath().size()) + "' ";
    }

    private static String path(JsonMappingException e, int length) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath().subList(0, length)) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return type.getSimpleName();
    }

    private static String echo(String value) {
        return "'" + shorten(value) + "'";
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String firstLine = text.lines().findFirst().orElse("");
        String safe = UnsafeText.problem(firstLine) == null ? firstLine : "(unprintable)";
        return safe.length() <= ECHO * 4 ? safe : safe.substring(0, ECHO * 4) + "…";
    }

    private static ResponseEntity<Object> answer(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
