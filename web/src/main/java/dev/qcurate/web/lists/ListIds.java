package dev.qcurate.web.lists;

import dev.qcurate.web.services.ServiceProblem;

import java.util.UUID;

/** Ids from the address: a list id that is no UUID cannot name a list (404), a question id likewise (400). */
final class ListIds {

    private ListIds() {}

    static UUID list(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw new ServiceProblem(404, "There is no list with the id “" + shorten(id) + "”.", null);
        }
    }

    static UUID question(String id) {
        try {
            return id == null ? null : UUID.fromString(id.strip());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
