package fr.gasp.platform.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Accounts given explicitly by the deployment, for sites without an OpenID Connect provider:
 * {@code GASP_USERS=name:{bcrypt}$2a$10$…:SECRETARIAT|ADMIN;other:…:ELECTED}. Passwords are
 * stored encoded (Spring's {@code {id}hash} form); a plain password is refused.
 */
final class ConfiguredAccounts {

    private ConfiguredAccounts() {
    }

    static List<UserDetails> parse(String setting) {
        List<UserDetails> accounts = new ArrayList<>();
        if (setting == null || setting.isBlank()) {
            return accounts;
        }
        for (String entry : setting.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int first = entry.indexOf(':');
            int last = entry.lastIndexOf(':');
            if (first <= 0 || last <= first) {
                throw new IllegalStateException("GASP_USERS : une entrée n'est pas de la forme nom:{algo}hash:RÔLE|RÔLE");
            }
            String name = entry.substring(0, first).strip();
            String password = entry.substring(first + 1, last).strip();
            if (!password.startsWith("{") || password.startsWith("{noop}")) {
                throw new IllegalStateException("GASP_USERS : le mot de passe de « " + name
                        + " » doit être encodé ({bcrypt}…), jamais en clair");
            }
            String[] roles = Arrays.stream(entry.substring(last + 1).split("\\|"))
                    .map(String::strip)
                    .map(role -> {
                        try {
                            return Role.valueOf(role).name();
                        } catch (IllegalArgumentException e) {
                            throw new IllegalStateException("GASP_USERS : « " + role + " » n'est pas un rôle");
                        }
                    })
                    .toArray(String[]::new);
            accounts.add(User.withUsername(name).password(password).roles(roles).build());
        }
        return accounts;
    }
}
