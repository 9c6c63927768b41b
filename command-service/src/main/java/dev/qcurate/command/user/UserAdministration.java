package dev.qcurate.command.user;

import dev.qcurate.shared.user.ChangeUserRolesCommand;
import dev.qcurate.shared.user.DisableUserCommand;
import dev.qcurate.shared.user.EnableUserCommand;
import dev.qcurate.shared.user.RegisterUserCommand;
import dev.qcurate.shared.user.ResetUserPasswordCommand;
import dev.qcurate.support.Role;
import lombok.RequiredArgsConstructor;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Admin commands on accounts. Each one appends its event and updates the login store in the same unit of work (one
 * PostgreSQL transaction): the event is the audit record and tells the query service; the login store keeps what an
 * event must not hold (the password hash) and what sign-in reads.
 */
@Component
@RequiredArgsConstructor
class UserAdministration {

    private final Repository<UserAccount> accounts;
    private final LoginStore logins;
    private final PasswordEncoder encoder;

    @CommandHandler
    void handle(RegisterUserCommand command) throws Exception {
        Username username = new Username(command.username());
        List<String> roles = roles(command.roles());
        PasswordPolicy.check(username.value(), command.password());
        logins.create(username.value(), encoder.encode(command.password()), roles);
        accounts.newInstance(() -> new UserAccount(username, roles));
    }

    @CommandHandler
    void handle(ChangeUserRolesCommand command) {
        List<String> roles = roles(command.roles());
        load(command.username()).execute(account -> account.changeRoles(roles));
        logins.setRoles(command.username(), roles, Instant.now());
    }

    @CommandHandler
    void handle(DisableUserCommand command) {
        load(command.username()).execute(UserAccount::disable);
        logins.setEnabled(command.username(), false, Instant.now());
    }

    @CommandHandler
    void handle(EnableUserCommand command) {
        load(command.username()).execute(UserAccount::enable);
        logins.setEnabled(command.username(), true, Instant.now());
    }

    @CommandHandler
    void handle(ResetUserPasswordCommand command) {
        PasswordPolicy.check(command.username(), command.password());
        load(command.username()).execute(UserAccount::resetPassword);
        logins.setPassword(command.username(), encoder.encode(command.password()), Instant.now());
    }

    private Aggregate<UserAccount> load(String username) {
        new Username(username);
        try {
            return accounts.load(UserAccount.idOf(username));
        } catch (AggregateNotFoundException e) {
            if (logins.isUnmanaged(username)) {
                throw new IllegalStateException("'" + username
                        + "' is a dev user, configured outside user administration; it cannot be changed here");
            }
            throw e;
        }
    }

    /** Known role names, de-duplicated and sorted, at least one. */
    private static List<String> roles(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        TreeSet<String> roles = new TreeSet<>();
        for (String name : names) {
            if (name == null
                    || Arrays.stream(Role.values())
                            .noneMatch(role -> role.name().equals(name))) {
                throw new IllegalArgumentException("unknown role '" + name + "' (one of "
                        + Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", ")) + ")");
            }
            roles.add(name);
        }
        return List.copyOf(roles);
    }
}
