package fr.gasp.query.web;

import fr.gasp.query.web.OidcLogin.OidcLoginSettings;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form, and the way to the identity provider when one is configured; Spring Security checks both. */
@PageController
public class LoginPage {

    private final OidcLoginSettings oidc;

    public LoginPage(OidcLoginSettings oidc) {
        this.oidc = oidc;
    }

    @GetMapping("/login")
    public String login(Model model) {
        model.addAttribute("oidcLogin", oidc.enabled());
        return "login";
    }
}
