package fr.gasp.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in OpenID Connect provider on 127.0.0.1 for tests: discovery, a signing key
 * (JWKS), tokens for the API, and a minimal authorization-code flow that signs in whoever
 * the test chose beforehand, with no consent screen.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String CLIENT_ID = "gasp-test";
    public static final String CLIENT_SECRET = "gasp-test-secret";

    private final HttpServer server;
    private final RSAKey key;
    private final String issuer;
    private final Map<String, String[]> codes = new ConcurrentHashMap<>();
    private volatile String nextUser = "agent.secretariat";
    private volatile List<String> nextRoles = List.of("SECRETARIAT");

    private TestIssuer(HttpServer server, RSAKey key) {
        this.server = server;
        this.key = key;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static TestIssuer start() throws IOException, JOSEException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        TestIssuer issuer = new TestIssuer(server, new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
                .generate());
        server.createContext("/.well-known/openid-configuration", issuer::discovery);
        server.createContext("/jwks", exchange -> issuer.answer(exchange, 200,
                new JWKSet(issuer.key.toPublicJWK()).toString()));
        server.createContext("/authorize", issuer::authorize);
        server.createContext("/token", issuer::token);
        server.createContext("/userinfo", exchange -> issuer.answer(exchange, 200,
                "{\"sub\":\"" + issuer.nextUser + "\"}"));
        server.start();
        return issuer;
    }

    public String issuerUri() {
        return issuer;
    }

    /** A signed access token for the API, valid for the given time (negative: already expired). */
    public String token(String subject, List<String> roles, Duration validFor) {
        return sign(new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(CLIENT_ID)
                .claim("roles", roles).issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(validFor)))
                .build(), key);
    }

    /** The same claims signed by a key the issuer never published: a forgery. */
    public String forgedToken(String subject, List<String> roles) throws JOSEException {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
        return sign(new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(CLIENT_ID)
                .claim("roles", roles).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build(), stranger);
    }

    /** Who the next browser sign-in will be. */
    public void signInNextAs(String user, List<String> roles) {
        this.nextUser = user;
        this.nextRoles = List.copyOf(roles);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        answer(exchange, 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/jwks","userinfo_endpoint":"%1$s/userinfo","response_types_supported":["code"],
                 "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"],
                 "scopes_supported":["openid","profile"],"token_endpoint_auth_methods_supported":
                 ["client_secret_basic","client_secret_post"]}""".formatted(issuer));
    }

    /** Signs in the chosen user at once and sends the browser back with a code. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString();
        codes.put(code, new String[]{nextUser, String.join(" ", nextRoles), query.getOrDefault("nonce", "")});
        String redirect = query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", redirect);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String[] grant = codes.remove(body.getOrDefault("code", ""));
        if (grant == null) {
            answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        List<String> roles = grant[1].isEmpty() ? List.of() : List.of(grant[1].split(" "));
        JWTClaimsSet.Builder idToken = new JWTClaimsSet.Builder().issuer(issuer).subject(grant[0]).audience(CLIENT_ID)
                .claim("roles", roles).claim("name", grant[0]).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
        if (!grant[2].isEmpty()) {
            idToken.claim("nonce", grant[2]);
        }
        answer(exchange, 200, "{\"access_token\":\"" + token(grant[0], roles, Duration.ofMinutes(5))
                + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"id_token\":\"" + sign(idToken.build(), key) + "\"}");
    }

    private static String sign(JWTClaimsSet claims, RSAKey signingKey) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }
}
