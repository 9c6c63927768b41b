package dev.qcurate.query.config;

import dev.qcurate.query.consistency.ProjectionBehindException;
import dev.qcurate.query.consistency.TooBusyException;
import dev.qcurate.support.DetailedProblems;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/** Every error as RFC 9457 problem+json with a useful detail; never a stack trace. */
@RestControllerAdvice
class ApiExceptionHandler extends DetailedProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ProjectionBehindException.class)
    ResponseEntity<ProblemDetail> behind(ProjectionBehindException e) {
        return unavailable("Read model behind", e.getMessage());
    }

    @ExceptionHandler(TooBusyException.class)
    ResponseEntity<ProblemDetail> busy(TooBusyException e) {
        return unavailable("Too busy", e.getMessage());
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> databaseDown(Exception e) {
        return unavailable("Storage unavailable", "the read model cannot be reached; retry later");
    }

    @ExceptionHandler({IllegalArgumentException.class, ConstraintViolationException.class})
    ResponseEntity<ProblemDetail> badRequest(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Invalid request",
                "'" + e.getName() + "' has an invalid value"
                        + (e.getRequiredType() != null
                                ? " (expected " + e.getRequiredType().getSimpleName() + ")"
                                : ""));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        return problem(HttpStatus.valueOf(e.getStatusCode().value()), null, e.getReason());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "the request failed unexpectedly");
    }

    private static ResponseEntity<ProblemDetail> unavailable(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle(title);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "1")
                .body(problem);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (title != null) {
            problem.setTitle(title);
        }
        return ResponseEntity.status(status).body(problem);
    }
}
