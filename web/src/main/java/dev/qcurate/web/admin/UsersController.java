package dev.qcurate.web.admin;

import dev.qcurate.web.services.ServiceProblem;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/**
 * Admins manage users. Every action redirects back to the table; a refusal (weak password, a dev user, unknown role)
 * shows the service's detail next to the form it came from, with what was typed except passwords.
 */
@Controller
@RequiredArgsConstructor
class UsersController {

    private final UsersClient users;

    @GetMapping("/admin/users")
    String page(Model model) {
        return render(model, new UsersPage.NewUser("", List.of("READER")), null, null);
    }

    @PostMapping("/admin/users")
    String create(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(required = false) List<String> roles,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        List<String> chosen = known(roles);
        UsersPage.NewUser typed = new UsersPage.NewUser(username, chosen);
        String refused = username.isBlank()
                ? "Give the new user a username."
                : password.isEmpty()
                        ? "Give the new user a password."
                        : chosen.isEmpty() ? "Tick at least one role." : null;
        if (refused != null) {
            response.setStatus(400);
            return render(model, typed, refused, null);
        }
        try {
            users.create(username.strip(), password, chosen);
        } catch (ServiceProblem problem) {
            response.setStatus(formStatus(problem));
            return render(model, typed, problem.detail(), null);
        }
        redirect.addFlashAttribute(
                "notice", "Created user " + username.strip() + " with roles " + String.join(", ", chosen) + ".");
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{username}/roles")
    String changeRoles(
            @PathVariable String username,
            @RequestParam(required = false) List<String> roles,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        List<String> chosen = known(roles);
        if (chosen.isEmpty()) {
            response.setStatus(400);
            return rowRefused(model, username, "roles", "Tick at least one role.", chosen);
        }
        try {
            users.changeRoles(username, chosen);
        } catch (ServiceProblem problem) {
            response.setStatus(formStatus(problem));
            return rowRefused(model, username, "roles", problem.detail(), chosen);
        }
        redirect.addFlashAttribute("notice", username + " now has the roles " + String.join(", ", chosen) + ".");
        return "redirect:/admin/users";
    }

    /** Disabling and enabling an account differ only in the call and the notice. */
    @PostMapping("/admin/users/{username}/{change:disable|enable}")
    String changeStatus(
            @PathVariable String username,
            @PathVariable String change,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        boolean enable = change.equals("enable");
        try {
            if (enable) {
                users.enable(username);
            } else {
                users.disable(username);
            }
        } catch (ServiceProblem problem) {
            response.setStatus(formStatus(problem));
            return rowRefused(model, username, "status", problem.detail(), List.of());
        }
        redirect.addFlashAttribute(
                "notice",
                username + (enable ? " is enabled and can sign in again." : " is disabled and can no longer sign in."));
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{username}/password")
    String resetPassword(
            @PathVariable String username,
            @RequestParam(defaultValue = "") String password,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        if (password.isEmpty()) {
            response.setStatus(400);
            return rowRefused(model, username, "password", "Type the new password first.", List.of());
        }
        try {
            users.resetPassword(username, password);
        } catch (ServiceProblem problem) {
            response.setStatus(formStatus(problem));
            return rowRefused(model, username, "password", problem.detail(), List.of());
        }
        redirect.addFlashAttribute("notice", "The password of " + username + " is reset.");
        return "redirect:/admin/users";
    }

    private String rowRefused(Model model, String username, String action, String message, List<String> roles) {
        return render(
                model,
                new UsersPage.NewUser("", List.of("READER")),
                null,
                new UsersPage.RowError(username, action, message, roles));
    }

    private String render(Model model, UsersPage.NewUser newUser, String newUserError, UsersPage.RowError rowError) {
        model.addAttribute("page", new UsersPage(users.all(), newUser, newUserError, rowError));
        return "admin/users";
    }

    /** The status of a refusal shown in the page; 401 and outages go on to the page-level handler. */
    private static int formStatus(ServiceProblem problem) {
        if (problem.status() == 401 || problem.status() >= 500) {
            throw problem;
        }
        return problem.status();
    }

    /** The roles ticked, in the usual order; anything else a hand-made request sends is dropped. */
    private static List<String> known(List<String> roles) {
        return roles == null
                ? List.of()
                : UsersPage.ROLES.stream().filter(roles::contains).toList();
    }
}
