package dev.qcurate.web.imports;

/** What the import form shows again after a refusal: the list name typed and why (a file input cannot be refilled). */
record ImportForm(String listName, String error) {

    static ImportForm empty() {
        return new ImportForm("", null);
    }
}
