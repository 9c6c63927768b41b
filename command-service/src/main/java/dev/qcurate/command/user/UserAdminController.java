package dev.qcurate.command.user;

import dev.qcurate.command.dispatch.CommandDispatcher;
import dev.qcurate.shared.user.ChangeUserRolesCommand;
import dev.qcurate.shared.user.DisableUserCommand;
import dev.qcurate.shared.user.EnableUserCommand;
import dev.qcurate.shared.user.RegisterUserCommand;
import dev.qcurate.shared.user.ResetUserPasswordCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

import static dev.qcurate.command.dispatch.PositionHeader.answer;

/** User administration for admins ({@code /api/admin/**} is ADMIN only, see SecurityConfig). */
@RestController
@RequestMapping("/api/admin/users")
@RequiredArgsConstructor
class UserAdminController {

    private final CommandDispatcher dispatcher;
    private final LoginStore logins;

    record NewUserBody(
            @NotNull @Size(max = Username.MAX_LENGTH) String username,
            @NotNull @Size(max = PasswordPolicy.MAX_LENGTH) String password,
            @NotNull @Size(min = 1, max = 4) List<String> roles) {}

    record RolesBody(@NotNull @Size(min = 1, max = 4) List<String> roles) {}

    record PasswordBody(
            @NotNull @Size(max = PasswordPolicy.MAX_LENGTH) String password) {}

    @GetMapping
    List<Map<String, Object>> users() {
        return logins.all();
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> register(@Valid @RequestBody NewUserBody body) {
        var sent = dispatcher.send(
                new RegisterUserCommand(body.username(), body.password(), body.roles()),
                UserAccount.idOf(body.username()));
        return answer(HttpStatus.CREATED, sent, Map.of("username", body.username()));
    }

    @PutMapping("/{username}/roles")
    ResponseEntity<Map<String, Object>> roles(@PathVariable String username, @Valid @RequestBody RolesBody body) {
        var sent = dispatcher.send(new ChangeUserRolesCommand(username, body.roles()), UserAccount.idOf(username));
        return answer(HttpStatus.OK, sent, Map.of("username", username));
    }

    @PostMapping("/{username}/disable")
    ResponseEntity<Map<String, Object>> disable(@PathVariable String username) {
        var sent = dispatcher.send(new DisableUserCommand(username), UserAccount.idOf(username));
        return answer(HttpStatus.OK, sent, Map.of("username", username, "enabled", false));
    }

    @PostMapping("/{username}/enable")
    ResponseEntity<Map<String, Object>> enable(@PathVariable String username) {
        var sent = dispatcher.send(new EnableUserCommand(username), UserAccount.idOf(username));
        return answer(HttpStatus.OK, sent, Map.of("username", username, "enabled", true));
    }

    @PostMapping("/{username}/password")
    ResponseEntity<Map<String, Object>> password(@PathVariable String username, @Valid @RequestBody PasswordBody body) {
        var sent = dispatcher.send(new ResetUserPasswordCommand(username, body.password()), UserAccount.idOf(username));
        return answer(HttpStatus.OK, sent, Map.of("username", username));
    }
}
