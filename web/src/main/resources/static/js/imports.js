// Import form: refuse a document over the limit before uploading it, so the list name typed is kept
// (the server refuses it too, but a file over the upload limit loses the form's other fields).
"use strict";
document.addEventListener("DOMContentLoaded", () => {
    const form = document.querySelector("form[data-max-bytes]");
    if (!form) {
        return;
    }
    const input = form.querySelector("input[type=file]");
    const error = form.querySelector("#document-error");
    const listName = form.querySelector("#listName");
    const limit = Number(form.dataset.maxBytes);
    const tooLarge = () => input.files.length > 0 && input.files[0].size > limit;
    input.addEventListener("change", () => {
        if (input.files.length > 0 && listName && listName.value.trim() === "") {
            listName.placeholder = input.files[0].name.replace(/\.[^.]*$/, "");
        }
        show(tooLarge() ? "“" + input.files[0].name + "” is too large: a document can be at most 1 MiB." : "");
    });
    form.addEventListener("submit", (event) => {
        if (tooLarge()) {
            event.preventDefault();
            show("“" + input.files[0].name + "” is too large: a document can be at most 1 MiB. Split it into smaller"
                + " documents and import each.");
            input.focus();
        }
    });
    function show(message) {
        error.textContent = message;
        error.hidden = message === "";
    }
});
