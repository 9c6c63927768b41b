package dev.qcurate.web.imports;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A file over the multipart limit (2 MB) is refused while the request is parsed, before any controller runs, so
 * the form's fields are lost with it: the import form is shown again with the reason (the only multipart form).
 */
@ControllerAdvice
class UploadTooLarge {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e, HttpServletResponse response) {
        ExtendedModelMap model = new ExtendedModelMap();
        String view = ImportController.refuse(
                model,
                response,
                413,
                "",
                DocumentCheck.tooLarge(null, -1) + " The list name could not be kept with it: please type it again.");
        return new ModelAndView(view, model);
    }
}
