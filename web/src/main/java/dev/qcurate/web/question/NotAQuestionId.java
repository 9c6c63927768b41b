package dev.qcurate.web.question;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** {@code /questions/not-a-uuid}: no such page (404), rather than a bad request or an error. */
@ControllerAdvice(basePackageClasses = NotAQuestionId.class)
class NotAQuestionId {

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView notFound(MethodArgumentTypeMismatchException mismatch, HttpServletResponse response) {
        response.setStatus(404);
        ModelAndView page = new ModelAndView("error/problem");
        page.addObject("status", 404);
        page.addObject("detail", "There is no question with the id “" + mismatch.getValue() + "”.");
        return page;
    }
}
