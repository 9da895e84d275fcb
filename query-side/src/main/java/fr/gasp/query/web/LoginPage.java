package fr.gasp.query.web;

import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security checks what it posts. */
@PageController
public class LoginPage {

    @GetMapping("/login")
    public String login() {
        return "login";
    }
}
