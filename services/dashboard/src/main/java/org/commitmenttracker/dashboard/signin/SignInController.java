package org.commitmenttracker.dashboard.signin;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells the page where people sign in: the provider's issuer and the dashboard's client id (both public). */
@RestController
class SignInController {
    private final SignInSettings settings;

    SignInController(SignInSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/sign-in.json")
    ResponseEntity<Map<String, String>> signIn() {
        Map<String, String> body = new LinkedHashMap<>();
        if (settings.issuer() != null) {
            body.put("issuer", settings.issuer().toString().replaceAll("/+$", ""));
            body.put("clientId", settings.clientId());
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(body);
    }
}
