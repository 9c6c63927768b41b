package dev.qcurate.web.webhooks;

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
import java.util.UUID;

/**
 * Admins register webhook endpoints, see each one's recent deliveries with the answers, resend one, rotate a secret
 * and delete an endpoint ({@code /admin/**} is ADMIN only). A refused endpoint shows the service's detail above the
 * form, with what was typed.
 */
@Controller
@RequiredArgsConstructor
class WebhooksController {

    private static final String SECRET = "newSecret";

    private final WebhooksClient webhooks;

    @GetMapping("/admin/webhooks")
    String endpoints(Model model) {
        WebhooksPage.NewSecret secret = (WebhooksPage.NewSecret) model.getAttribute(SECRET);
        return render(model, new WebhooksPage.NewEndpoint("", List.of(), ""), null, secret);
    }

    @PostMapping("/admin/webhooks")
    String add(
            @RequestParam(defaultValue = "") String url,
            @RequestParam(required = false) List<String> events,
            @RequestParam(defaultValue = "") String description,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        List<String> chosen = events == null ? List.of() : events;
        WebhooksPage.NewEndpoint typed = new WebhooksPage.NewEndpoint(url, chosen, description);
        String refused =
                url.isBlank() ? "Give the endpoint's URL." : chosen.isEmpty() ? "Tick at least one event." : null;
        if (refused != null) {
            response.setStatus(400);
            return render(model, typed, refused, null);
        }
        WebhooksClient.Created created;
        try {
            created = webhooks.create(url.strip(), chosen, description.strip());
        } catch (ServiceProblem problem) {
            response.setStatus(formStatus(problem));
            return render(model, typed, problem.detail(), null);
        }
        redirect.addFlashAttribute(SECRET, new WebhooksPage.NewSecret(created.id(), url.strip(), created.secret()));
        return "redirect:/admin/webhooks";
    }

    @GetMapping("/admin/webhooks/{id}")
    String endpoint(@PathVariable UUID id, Model model) {
        return renderEndpoint(model, id, (WebhooksPage.NewSecret) model.getAttribute(SECRET), null);
    }

    @PostMapping("/admin/webhooks/{id}/deliveries/{delivery}/resend")
    String resend(
            @PathVariable UUID id,
            @PathVariable UUID delivery,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            webhooks.resend(id.toString(), delivery.toString());
        } catch (ServiceProblem problem) {
            response.setStatus(formStatus(problem));
            return renderEndpoint(model, id, null, problem.detail());
        }
        redirect.addFlashAttribute("notice", "Delivery " + delivery + " is queued to be sent again.");
        return "redirect:/admin/webhooks/" + id;
    }

    @PostMapping("/admin/webhooks/{id}/secret")
    String rotateSecret(@PathVariable UUID id, RedirectAttributes redirect) {
        String secret = webhooks.rotateSecret(id.toString());
        redirect.addFlashAttribute(SECRET, new WebhooksPage.NewSecret(id.toString(), null, secret));
        return "redirect:/admin/webhooks/" + id;
    }

    @PostMapping("/admin/webhooks/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        webhooks.delete(id.toString());
        redirect.addFlashAttribute("notice", "The endpoint is deleted, with its deliveries.");
        return "redirect:/admin/webhooks";
    }

    private String render(Model model, WebhooksPage.NewEndpoint typed, String error, WebhooksPage.NewSecret secret) {
        model.addAttribute("page", new WebhooksPage(webhooks.endpoints(), typed, error, secret));
        return "admin/webhooks";
    }

    private String renderEndpoint(Model model, UUID id, WebhooksPage.NewSecret secret, String error) {
        model.addAttribute(
                "page",
                new EndpointPage(webhooks.endpoint(id.toString()), webhooks.deliveries(id.toString()), secret, error));
        return "admin/webhook";
    }

    /** The status of a refusal shown in the page; 401, 404 and outages go on to the page-level handler. */
    private static int formStatus(ServiceProblem problem) {
        if (problem.status() == 401 || problem.status() == 404 || problem.status() >= 500) {
            throw problem;
        }
        return problem.status();
    }
}
