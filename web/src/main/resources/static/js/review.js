// Review queue: keyboard shortcuts (j/k/a/r/s/?) that work only while the focus is inside the queue and not in a
// text box, can be switched off (remembered in this browser; WCAG 2.1.4), and only press the item's real buttons.
// After htmx swaps an item for its outcome, the focus moves to the next item; the server's answer fills the live region.
"use strict";
(function () {
    var queue = document.getElementById("review-queue");
    if (!queue) {
        return;
    }
    var STORAGE_KEY = "qcurate.review.shortcuts";
    var bar = document.getElementById("review-keyboard");
    var toggle = document.getElementById("shortcuts-enabled");
    var help = document.getElementById("shortcut-help");
    var helpButton = document.getElementById("shortcut-help-button");
    var announcer = document.getElementById("review-announcer");
    var selectAll = document.getElementById("select-all");
    var current = null;

    function stored() {
        try {
            return window.localStorage.getItem(STORAGE_KEY);
        } catch (e) {
            return null;
        }
    }

    function remember(value) {
        try {
            window.localStorage.setItem(STORAGE_KEY, value);
        } catch (e) {
            // private mode: the choice lasts for this page only
        }
    }

    bar.hidden = false;
    toggle.checked = stored() !== "off";
    toggle.addEventListener("change", function () {
        remember(toggle.checked ? "on" : "off");
        announce(toggle.checked ? "Keyboard shortcuts on." : "Keyboard shortcuts off.");
    });

    function items() {
        return Array.prototype.slice.call(queue.querySelectorAll("article.review-item"));
    }

    function open(article) {
        return !article.classList.contains("review-done");
    }

    function itemOf(element) {
        return element && element.closest ? element.closest("article.review-item") : null;
    }

    function announce(text) {
        announcer.textContent = text;
    }

    function focusItem(element) {
        if (!element) {
            return;
        }
        element.focus();
        if (element.scrollIntoView) {
            element.scrollIntoView({block: "nearest"});
        }
        if (element.matches("article.review-item")) {
            current = element;
        }
    }

    function move(step) {
        var all = items();
        if (all.length === 0) {
            return;
        }
        var index = current ? all.indexOf(current) : -1;
        var next = index < 0 ? (step > 0 ? 0 : all.length - 1) : Math.max(0, Math.min(all.length - 1, index + step));
        focusItem(all[next]);
    }

    function press(article, action) {
        var button = article && article.querySelector('[data-action="' + action + '"]');
        if (button) {
            button.click();
        } else if (article && article.classList.contains("own") && action !== "skip") {
            announce("This is your proposal: another reviewer decides it.");
        }
    }

    function toggleHelp() {
        help.hidden = !help.hidden;
        helpButton.setAttribute("aria-expanded", String(!help.hidden));
    }

    queue.addEventListener("focusin", function (event) {
        var article = itemOf(event.target);
        if (article) {
            current = article;
        }
    });

    queue.addEventListener("keydown", function (event) {
        if (!toggle.checked || event.altKey || event.ctrlKey || event.metaKey) {
            return;
        }
        if (event.target.closest("input:not([type=checkbox]):not([type=radio]):not([type=submit]), textarea, select,"
                + " [contenteditable]")) {
            return;
        }
        var article = itemOf(event.target) || current || items().filter(open)[0];
        switch (event.key) {
            case "j": move(1); break;
            case "k": move(-1); break;
            case "a": press(article, "approve"); break;
            case "s": press(article, "skip"); break;
            case "r": {
                var reason = article && article.querySelector('input[name="reason"]');
                if (reason) {
                    reason.focus();
                } else {
                    press(article, "reject");
                }
                break;
            }
            case "?": toggleHelp(); break;
            default: return;
        }
        event.preventDefault();
    });

    document.getElementById("next-item").addEventListener("click", function () { move(1); });
    document.getElementById("previous-item").addEventListener("click", function () { move(-1); });
    helpButton.addEventListener("click", toggleHelp);

    if (selectAll) {
        selectAll.hidden = false;
        selectAll.addEventListener("click", function () {
            var boxes = Array.prototype.slice.call(queue.querySelectorAll('input[name="proposalIds"]'));
            var all = boxes.every(function (box) { return box.checked; });
            boxes.forEach(function (box) { box.checked = !all; });
            announce(all ? "No item selected." : boxes.length + " items selected.");
        });
    }

    // An item was decided: its outcome replaced it; go on with the next open item (or the end of the page).
    document.body.addEventListener("htmx:afterSettle", function (event) {
        var done = queue.querySelector('article[data-outcome="new"]');
        if (done) {
            done.removeAttribute("data-outcome");
            var all = items();
            var index = all.indexOf(done);
            var next = all.slice(index + 1).filter(open)[0] || all.slice(0, index).filter(open)[0];
            focusItem(next || document.getElementById("queue-end") || done);
            return;
        }
        // a refused rejection: back to its Reason box, which still holds what was typed
        var form = event.detail && event.detail.requestConfig && event.detail.requestConfig.elt;
        var reason = form && form.closest && form.closest("article.review-item")
            && form.classList.contains("reject-form") ? form.querySelector('input[name="reason"]') : null;
        if (reason) {
            reason.focus();
        }
    });
}());
