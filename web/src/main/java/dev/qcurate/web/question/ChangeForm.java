package dev.qcurate.web.question;

import dev.qcurate.web.services.Refusals;
import dev.qcurate.web.services.ServiceProblem;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How a form that proposes something about a question ends: once the typed input passed the form's own checks, the
 * proposal is sent and the browser goes to the question with a notice; a problem (the form's or the service's
 * refusal) shows the form again with what was typed and why.
 */
final class ChangeForm {

    private ChangeForm() {}

    /** {@link #submit(String, Supplier, String, RedirectAttributes, Function)} for a proposal about question {@code id}. */
    static String submit(
            UUID id,
            String problem,
            Runnable send,
            String notice,
            RedirectAttributes redirect,
            Function<String, String> again) {
        return submit(
                problem,
                () -> {
                    send.run();
                    return id;
                },
                notice,
                redirect,
                again);
    }

    /**
     * @param problem the form's own objection to the input, or null to send
     * @param send sends the proposal and answers the question it is about
     * @param again renders the form again with the message
     */
    static String submit(
            String problem,
            Supplier<UUID> send,
            String notice,
            RedirectAttributes redirect,
            Function<String, String> again) {
        String shown = problem;
        if (shown == null) {
            try {
                UUID id = send.get();
                redirect.addFlashAttribute("notice", notice);
                return "redirect:/questions/" + id;
            } catch (ServiceProblem refused) {
                shown = Refusals.messageFor(refused);
            }
        }
        return again.apply(shown);
    }
}
