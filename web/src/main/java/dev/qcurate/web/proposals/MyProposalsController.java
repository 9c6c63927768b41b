package dev.qcurate.web.proposals;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/** "My proposals": the signed-in user's proposals and their decisions, newest first, by status if asked. */
@Controller
@RequiredArgsConstructor
class MyProposalsController {

    private final MyProposalsClient client;

    @GetMapping("/proposals/mine")
    String mine(
            @RequestParam(required = false) String status, @RequestParam(required = false) String page, Model model) {
        ProposalStatusFilter chosen = ProposalStatusFilter.parse(status).orElse(null);
        int number = 1;
        try {
            number = page == null ? 1 : Math.max(1, Math.min(Integer.parseInt(page.trim()), 5_000));
        } catch (NumberFormatException ignored) {
            // a hand-edited page number: the first page
        }
        List<MyProposal> rows = client.mine(chosen, number - 1);
        model.addAttribute(
                "page",
                new MyProposalsPage(
                        rows,
                        chosen == null ? null : chosen.name(),
                        List.of(ProposalStatusFilter.values()).stream()
                                .map(Enum::name)
                                .toList(),
                        number,
                        rows.size() == MyProposalsClient.PAGE_SIZE,
                        status != null && !status.isBlank() && chosen == null
                                ? "There is no status \""
                                        + (status.length() > 20 ? status.substring(0, 20) + "…" : status)
                                        + "\"; all your proposals are shown."
                                : null));
        return "proposals/mine";
    }

    /** What the page shows. */
    record MyProposalsPage(
            List<MyProposal> proposals,
            String status,
            List<String> statuses,
            int page,
            boolean mayHaveNext,
            String ignored) {

        public String statusQuery() {
            return status == null ? "" : "status=" + status + "&";
        }
    }
}
