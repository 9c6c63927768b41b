package dev.qcurate.web.imports;

import dev.qcurate.web.services.ServiceProblem;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/** Upload a question document into a list, then see what became of it (Post/Redirect/Get; the outcome is read back from the command service). */
@Controller
@RequiredArgsConstructor
class ImportController {

    private final ImportClient imports;

    @GetMapping("/imports/new")
    String form(Model model) {
        model.addAttribute("form", ImportForm.empty());
        return "imports/new";
    }

    @PostMapping("/imports/new")
    String upload(
            @RequestParam(required = false) MultipartFile document,
            @RequestParam(defaultValue = "") String listName,
            Model model,
            HttpServletResponse response)
            throws IOException {
        String refused = DocumentCheck.problem(document);
        if (refused == null && listName.strip().length() > DocumentCheck.MAX_LIST_NAME) {
            refused = "A list name has at most " + DocumentCheck.MAX_LIST_NAME + " characters.";
        }
        if (refused != null) {
            return refuse(model, response, 400, listName, refused);
        }
        String source = DocumentCheck.fileName(document.getOriginalFilename());
        String list = listName.isBlank() ? DocumentCheck.defaultListName(source) : listName.strip();
        try {
            ImportClient.Uploaded uploaded = imports.run(source, list, document.getBytes());
            return "redirect:/imports/" + uploaded.importId() + (uploaded.alreadyImported() ? "?repeat=true" : "");
        } catch (ServiceProblem problem) {
            if (problem.status() == 401 || problem.status() >= 500) {
                throw problem;
            }
            String message = problem.status() == 413
                    ? DocumentCheck.tooLarge(source, document.getSize()) + " (" + problem.detail() + ")"
                    : problem.detail();
            return refuse(model, response, problem.status(), listName, message);
        }
    }

    @GetMapping("/imports/{importId}")
    String outcome(@PathVariable String importId, @RequestParam(defaultValue = "false") boolean repeat, Model model) {
        UUID id = parse(importId)
                .orElseThrow(() -> new ServiceProblem(404, "There is no import " + importId + ".", null));
        ImportOutcome outcome = imports.outcome(id, repeat);
        model.addAttribute("page", new ImportPage(outcome, imports.flagged(outcome)));
        return "imports/outcome";
    }

    static String refuse(Model model, HttpServletResponse response, int status, String listName, String message) {
        response.setStatus(status);
        model.addAttribute("form", new ImportForm(listName, message));
        return "imports/new";
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
