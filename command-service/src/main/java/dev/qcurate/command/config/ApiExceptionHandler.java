package dev.qcurate.command.config;

import dev.qcurate.command.dispatch.CommandFailure;
import dev.qcurate.support.DetailedProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every error as RFC 9457 problem+json with a useful detail; never a stack trace. */
@RestControllerAdvice
class ApiExceptionHandler extends DetailedProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "'" + e.getName() + "' has an invalid value"
                        + (e.getRequiredType() != null
                                ? " (expected " + e.getRequiredType().getSimpleName() + ")"
                                : ""));
        problem.setTitle("Invalid request");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> commandFailure(Exception e) {
        CommandFailure failure = CommandFailure.of(e);
        if (failure.status().is5xxServerError()) {
            log.error("Request failed: {}", failure.detail(), e);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(failure.status(), failure.detail());
        problem.setTitle(failure.title());
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(failure.status());
        if (failure.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            answer.header("Retry-After", "5");
        }
        return answer.body(problem);
    }
}
