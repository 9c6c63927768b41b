package dev.qcurate.web.admin;

import dev.qcurate.web.FakeService;
import dev.qcurate.web.PageTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class UsersPageTest extends PageTest {

    static final String USERS = """
            [{"username":"admin","roles":"ADMIN","enabled":true,"managed":false},
             {"username":"editor2","roles":"EDITOR,READER","enabled":true,"managed":true},
             {"username":"old.reader","roles":"READER","enabled":false,"managed":true}]""";

    @Test
    void onlyAdminsOpenTheUsersPage() throws Exception {
        mvc.perform(get("/admin/users").with(as("reviewer", "REVIEWER"))).andExpect(status().isForbidden());
        assertThat(COMMAND.requests()).isEmpty();
    }

    @Test
    void theTableShowsEachUserWithUnambiguousButtons() throws Exception {
        COMMAND.onJson("GET", "/api/admin/users", USERS);

        Document page = page(get("/admin/users").with(as("admin", "ADMIN")), status().isOk());

        assertThat(COMMAND.last("GET", "/api/admin/users").header("Authorization"))
                .isEqualTo("Bearer token-admin");
        assertThat(page.select("tbody th").eachText())
                .containsExactly("admin (dev user, fixed)", "editor2", "old.reader");
        Element editor2 = page.select("tbody tr").get(1);
        assertThat(editor2.select("input[type=checkbox][checked]").eachAttr("value"))
                .containsExactly("READER", "EDITOR");
        assertThat(editor2.select("button").eachText())
                .containsExactly("Save roles of editor2", "Disable editor2", "Reset password of editor2");
        assertThat(editor2.select("button .visually-hidden").eachText())
                .containsExactly("of editor2", "editor2", "of editor2");
        assertThat(editor2.select(".status").text()).isEqualTo("Enabled");
        assertThat(page.select("tbody tr").get(2).select("button").eachText()).contains("Enable old.reader");
        assertThat(page.select("label[for="
                                + editor2.select("input[type=password]").attr("id") + "]")
                        .text())
                .isEqualTo("New password for editor2");

        assertThat(page.select("label[for=new-username]").text()).isEqualTo("Username");
        assertThat(page.select("label[for=new-password]").text()).isEqualTo("Password");
        assertThat(page.select("input#new-password").attr("type")).isEqualTo("password");
        assertThat(page.select(".new-user label").eachText()).contains("READER", "EDITOR", "REVIEWER", "ADMIN");
        assertThat(page.select("button:containsOwn(Create user)")).hasSize(1);
    }

    @Test
    void creatingAUserSendsNameWordAndRoles() throws Exception {
        COMMAND.on("POST", "/api/admin/users", FakeService.Answer.json(201, "{\"username\":\"ed3\",\"position\":3}"));

        mvc.perform(post("/admin/users")
                        .param("username", "ed3")
                        .param("password", "correct horse battery")
                        .param("roles", "EDITOR", "READER")
                        .with(as("admin", "ADMIN"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/users"))
                .andExpect(flash().attribute("notice", "Created user ed3 with roles READER, EDITOR."));

        assertThat(COMMAND.last("POST", "/api/admin/users").body())
                .contains(
                        "\"username\":\"ed3\"",
                        "\"password\":\"correct horse battery\"",
                        "\"roles\":[\"READER\",\"EDITOR\"]");
    }

    @Test
    void aWeakPasswordIsExplainedAndTheRestKeptButNotThePassword() throws Exception {
        COMMAND.onJson("GET", "/api/admin/users", USERS);
        COMMAND.onProblem("POST", "/api/admin/users", 409, "password is too weak: 8+ characters");

        Document page = page(
                form("/admin/users", as("admin", "ADMIN"))
                        .param("username", "ed3")
                        .param("password", "hunter2")
                        .param("roles", "REVIEWER"),
                status().isConflict());

        assertThat(page.select(".new-user [role=alert]").text()).contains("password is too weak");
        assertThat(page.select("input#new-username").val()).isEqualTo("ed3");
        assertThat(page.select(".new-user input[checked]").eachAttr("value")).containsExactly("REVIEWER");
        assertThat(page.select("input#new-password").val()).isEmpty();
        assertThat(page.html()).doesNotContain("hunter2");
    }

    @Test
    void changingRolesOfADevUserShowsTheRefusalInItsRow() throws Exception {
        COMMAND.onJson("GET", "/api/admin/users", USERS);
        COMMAND.onProblem("PUT", "/api/admin/users/admin/roles", 409, "'admin' is a dev user and cannot be changed");

        Document page = page(
                form("/admin/users/admin/roles", as("admin", "ADMIN")).param("roles", "READER"), status().isConflict());

        assertThat(COMMAND.last("PUT", "/api/admin/users/admin/roles").body()).isEqualTo("{\"roles\":[\"READER\"]}");
        Element row = page.select("tbody tr").get(0);
        assertThat(row.select("[role=alert]").text()).contains("is a dev user");
        assertThat(row.select("input[type=checkbox][checked]").eachAttr("value"))
                .as("as typed")
                .containsExactly("READER");
        assertThat(page.select("tbody tr").get(1).select("[role=alert]")).isEmpty();
    }

    @Test
    void disablingEnablingAndResettingCallTheirEndpoints() throws Exception {
        COMMAND.on("POST", "/api/admin/users/editor2/disable", FakeService.Answer.json(200, "{\"position\":4}"))
                .on("POST", "/api/admin/users/old.reader/enable", FakeService.Answer.json(200, "{\"position\":5}"))
                .on("POST", "/api/admin/users/editor2/password", FakeService.Answer.json(200, "{\"position\":6}"));

        mvc.perform(form("/admin/users/editor2/disable", as("admin", "ADMIN")))
                .andExpect(redirectedUrl("/admin/users"));
        mvc.perform(form("/admin/users/old.reader/enable", as("admin", "ADMIN")))
                .andExpect(redirectedUrl("/admin/users"));
        mvc.perform(form("/admin/users/editor2/password", as("admin", "ADMIN"))
                        .param("password", "a much longer secret"))
                .andExpect(redirectedUrl("/admin/users"));

        assertThat(COMMAND.last("POST", "/api/admin/users/editor2/disable")).isNotNull();
        assertThat(COMMAND.last("POST", "/api/admin/users/old.reader/enable")).isNotNull();
        assertThat(COMMAND.last("POST", "/api/admin/users/editor2/password").body())
                .isEqualTo("{\"password\":\"a much longer secret\"}");
    }

    @Test
    void aRefusedPasswordResetIsShownInItsRowWithoutThePassword() throws Exception {
        COMMAND.onJson("GET", "/api/admin/users", USERS);
        COMMAND.onProblem(
                "POST", "/api/admin/users/editor2/password", 400, "password must have at least 12 characters");

        Document page = page(
                form("/admin/users/editor2/password", as("admin", "ADMIN")).param("password", "short1"),
                status().isBadRequest());

        assertThat(page.select("tbody tr").get(1).select("[role=alert]").text()).contains("at least 12 characters");
        assertThat(page.html()).doesNotContain("short1");
    }
}
