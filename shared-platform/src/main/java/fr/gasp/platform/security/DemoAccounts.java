package fr.gasp.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One account per role whose password is its name. For trying the service on the embedded
 * default only: anybody who reads the README knows the passwords.
 */
final class DemoAccounts {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private DemoAccounts() {
    }

    static List<UserDetails> all() {
        log.warn("Comptes de démonstration actifs (secretariat, referent, elected, auditor, admin; "
                + "mot de passe = nom). Ne pas utiliser en production : GASP_DEMO_USERS=false.");
        return Arrays.stream(Role.values())
                .map(role -> {
                    String name = role.name().toLowerCase(Locale.ROOT);
                    // Not hashed on purpose: the password is public, and hashing would cost every request.
                    return User.withUsername(name).password("{noop}" + name).roles(role.name()).build();
                })
                .map(UserDetails.class::cast)
                .toList();
    }
}
