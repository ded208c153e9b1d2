package dev.ringproof.system;

import static dev.ringproof.system.SignInThrottleIT.PASSWORD;
import static dev.ringproof.system.SignInThrottleIT.USAGE;
import static dev.ringproof.system.SignInThrottleIT.billingUser;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Console users' lifecycle on the real server (docs/api.md, users): PATCH a password or roles, DELETE
 * disables, My account changes one's own password; each ends the user's other console sessions
 * at their next request. Bad input is a 4xx problem and changes nothing; the last active admin
 * stays one. The users made here are billing users (or disabled again), so the bootstrap admin
 * stays the only active admin, as the other tests expect.
 */
@ExtendWith(ArquillianExtension.class)
class UserLifecycleIT {

    static final String NEW_PASSWORD = "brand-new-password-789";

    private final Ringproof ringproof = new Ringproof();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @Test
    void aNewPasswordReplacesTheOldOneAndEndsTheUsersConsoleSession() {
        String name = billingUser(ringproof, "repass");
        var console = signedIn(name, PASSWORD);

        var patched = patch(name, "{\"password\":\"" + NEW_PASSWORD + "\"}");

        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(patched.body()).doesNotContain(NEW_PASSWORD).doesNotContain("password");
        assertThat(Http.basic(name, PASSWORD).get(USAGE).statusCode()).isEqualTo(401);
        assertThat(Http.basic(name, NEW_PASSWORD).get(USAGE).statusCode()).isEqualTo(200);
        assertSignedOut(console.get("admin/"));
    }

    @Test
    void disablingShutsTheApiAndTheOpenConsoleAtItsNextRequest() {
        String name = billingUser(ringproof, "leaver");
        try (var browser = new Browser()) {
            browser.signIn(name, PASSWORD);
            assertThat(Http.basic(name, PASSWORD).get(USAGE).statusCode()).isEqualTo(200);

            var deleted = ringproof.admin.send("DELETE", "api/admin/v1/users/" + name, null, null);

            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
            assertThat(Http.json(deleted).getBoolean("enabled")).isFalse();
            assertThat(Http.basic(name, PASSWORD).get(USAGE).statusCode()).isEqualTo(401);
            // nobody clicks: the dashboard's next poll is the session's next request, and it lands on the login page
            browser.await(By.id("session-ended"));
            assertThat(browser.driver.getCurrentUrl()).contains("/admin/login.xhtml");
            browser.open("index.xhtml");
            browser.await(By.id("username"));
            assertThat(browser.driver.findElements(By.id("signed-in-as"))).isEmpty();
        }
        assertThat(user(name).getBoolean("enabled")).isFalse();
    }

    @Test
    void myAccountChangesOnesOwnPasswordKeepsThisSessionAndEndsTheOthers() {
        String name = billingUser(ringproof, "mover");
        var otherSession = signedIn(name, PASSWORD);
        try (var browser = new Browser()) {
            browser.signIn(name, PASSWORD);
            browser.driver
                    .findElement(By.xpath("//nav[@id='menu']//a[contains(., 'My account')]"))
                    .click();
            browser.await(By.id("account:current"));

            changePassword(browser, "not-my-password-0", NEW_PASSWORD, NEW_PASSWORD);
            browser.awaitText(By.cssSelector(".ui-message-error"), "Is not your current password");
            changePassword(browser, PASSWORD, "too-short", "too-short");
            browser.awaitText(By.cssSelector(".ui-message-error"), "at least 12 characters");
            assertThat(Http.basic(name, PASSWORD).get(USAGE).statusCode()).isEqualTo(200);

            changePassword(browser, PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
            browser.awaitText(By.id("messages"), "Your password is changed");

            browser.open("index.xhtml");
            browser.awaitText(By.id("signed-in-as"), name);
            assertSignedOut(otherSession.get("admin/"));
            assertThat(Http.basic(name, PASSWORD).get(USAGE).statusCode()).isEqualTo(401);
            assertThat(Http.basic(name, NEW_PASSWORD).get(USAGE).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void newRolesChangeWhatTheUserMayDo() {
        String name = billingUser(ringproof, "promoted");
        var user = Http.basic(name, PASSWORD);
        assertThat(user.get("api/admin/v1/tenants").statusCode()).isEqualTo(403);
        try {
            var patched = patch(name, "{\"roles\":[\"admin\"]}");

            assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
            assertThat(Http.json(patched).getJsonArray("roles").getString(0)).isEqualTo("admin");
            assertThat(user.get("api/admin/v1/tenants").statusCode()).isEqualTo(200);
        } finally {
            // the other tests expect the bootstrap admin to be the only active admin
            ringproof.admin.send("DELETE", "api/admin/v1/users/" + name, null, null);
        }
        assertThat(user(name).getBoolean("enabled")).isFalse();
    }

    @Test
    void anAdminSetsAnotherUsersPasswordAndRolesAndDisablesThemOnTheUsersPage() {
        String name = billingUser(ringproof, "managed");
        var row = "//tr[td[1][normalize-space()='" + name + "']]";
        try (var admin = new Browser();
                var user = new Browser()) {
            user.signIn(name, PASSWORD);
            admin.signIn(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD);
            admin.open("users/list.xhtml");
            admin.driver
                    .findElement(By.xpath(row + "//a[contains(., 'Password, roles')]"))
                    .click();
            admin.await(By.id("user:password"));

            setPassword(admin, "too-short", "too-short");
            admin.awaitText(By.cssSelector(".ui-message-error"), "at least 12 characters");
            setPassword(admin, NEW_PASSWORD, NEW_PASSWORD + "x");
            admin.awaitText(By.cssSelector(".ui-message-error"), "differ");
            assertThat(Http.basic(name, PASSWORD).get(USAGE).statusCode())
                    .as("nothing changed yet")
                    .isEqualTo(200);

            setPassword(admin, NEW_PASSWORD, NEW_PASSWORD);
            admin.awaitText(By.id("messages"), "Set a new password for " + name);
            // nobody clicks in the user's browser: the dashboard's next poll lands on the login page
            user.await(By.id("session-ended"));
            assertThat(Http.basic(name, PASSWORD).get(USAGE).statusCode()).isEqualTo(401);
            assertThat(Http.basic(name, NEW_PASSWORD).get(USAGE).statusCode()).isEqualTo(200);

            user.signIn(name, NEW_PASSWORD);
            assertThat(Http.basic(name, NEW_PASSWORD)
                            .get("api/admin/v1/tenants")
                            .statusCode())
                    .isEqualTo(403);
            admin.driver
                    .findElement(By.xpath("//form[@id='user']//label[text()='admin']"))
                    .click();
            admin.driver.findElement(By.id("user:save")).click();
            admin.awaitText(By.id("messages"), "Changed the roles of " + name);
            admin.awaitText(By.id("current-roles"), "admin, billing");
            user.await(By.id("session-ended"));
            assertThat(Http.basic(name, NEW_PASSWORD)
                            .get("api/admin/v1/tenants")
                            .statusCode())
                    .isEqualTo(200);

            user.signIn(name, NEW_PASSWORD);
            admin.open("users/list.xhtml");
            admin.driver
                    .findElement(By.xpath(row + "//button[contains(., 'Disable')]"))
                    .click();
            admin.await(By.cssSelector(".ui-confirmdialog-yes")).click();
            admin.awaitText(By.id("messages"), "Disabled " + name);
            user.await(By.id("session-ended"));
            assertThat(Http.basic(name, NEW_PASSWORD).get(USAGE).statusCode()).isEqualTo(401);
        } finally {
            // the other tests expect the bootstrap admin to be the only active admin
            ringproof.admin.send("DELETE", "api/admin/v1/users/" + name, null, null);
        }
        assertThat(user(name).getBoolean("enabled")).isFalse();
    }

    @Test
    void theLastActiveAdminCannotBeDisabledNorLoseTheAdminRole() {
        // whatever admins other tests left active are disabled first: the bootstrap admin is then the last
        for (String other : activeAdmins()) {
            if (!other.equals("admin")) {
                var disabled = ringproof.admin.send("DELETE", "api/admin/v1/users/" + other, null, null);
                assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
            }
        }
        assertThat(activeAdmins())
                .as("precondition: the bootstrap admin is the only active admin")
                .containsExactly("admin");

        var disabled = ringproof.admin.send("DELETE", "api/admin/v1/users/admin", null, null);
        var demoted = patch("admin", "{\"roles\":[\"billing\"]}");

        for (var refused : List.of(disabled, demoted)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
            assertProblem(refused, "invalid_request");
        }
        var admin = user("admin");
        assertThat(admin.getBoolean("enabled")).isTrue();
        assertThat(admin.getJsonArray("roles").toString()).isEqualTo("[\"admin\"]");
        assertThat(ringproof.admin.get("api/admin/v1/tenants").statusCode()).isEqualTo(200);
    }

    @Test
    void badChangesAreRefusedAsProblemsAndChangeNothing() {
        String name = billingUser(ringproof, "steady");
        var before = user(name);

        List<HttpResponse<String>> refused = List.of(
                patch(name, "{\"password\":\"short-pw\"}"),
                patch(name, "{\"roles\":[\"root\"]}"),
                patch(name, "{\"roles\":[]}"),
                patch(name, "{\"password\":\"" + NEW_PASSWORD + "\",\"roles\":[\"billing\",\"root\"]}"),
                patch(name, "{\"pasword\":\"" + NEW_PASSWORD + "\"}"),
                patch(name, "{\"password\":12345678901234}"));
        for (var response : refused) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertProblem(response, "invalid_request");
            assertThat(Http.json(response).getJsonArray("errors")).isNotEmpty();
        }
        assertThat(Http.json(refused.get(0))
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field"))
                .isEqualTo("password");
        assertThat(Http.json(refused.get(1))
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field"))
                .isEqualTo("roles");

        for (var unknown : List.of(
                patch("nobody-here-" + System.nanoTime(), "{\"password\":\"" + NEW_PASSWORD + "\"}"),
                ringproof.admin.send("DELETE", "api/admin/v1/users/nobody-here-" + System.nanoTime(), null, null),
                ringproof.admin.send("DELETE", "api/admin/v1/users/NOT%20A%20NAME", null, null))) {
            assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
            assertProblem(unknown, "not_found");
        }

        assertThat(user(name)).isEqualTo(before);
        assertThat(Http.basic(name, PASSWORD).get(USAGE).statusCode()).isEqualTo(200);
        assertThat(Http.basic(name, NEW_PASSWORD).get(USAGE).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> patch(String username, String json) {
        return ringproof.admin.send("PATCH", "api/admin/v1/users/" + username, json, "application/json");
    }

    private List<String> activeAdmins() {
        return Http.jsonArray(ringproof.admin.get("api/admin/v1/users")).getValuesAs(JsonObject.class).stream()
                .filter(u -> u.getBoolean("enabled"))
                .filter(u -> u.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).stream()
                        .anyMatch(r -> r.getString().equals("admin")))
                .map(u -> u.getString("username"))
                .toList();
    }

    private JsonObject user(String username) {
        return Http.jsonArray(ringproof.admin.get("api/admin/v1/users")).getValuesAs(JsonObject.class).stream()
                .filter(u -> u.getString("username").equals(username))
                .findFirst()
                .orElseThrow();
    }

    /** A console session of the user's, over plain HTTP with its own cookie. */
    private static Http signedIn(String name, String password) {
        var console = new Http();
        console.get("admin/");
        assertThat(ConsoleSignInIT.signIn(console, name, password).statusCode()).isEqualTo(302);
        assertThat(console.get("admin/").body()).contains("Signed in as " + name);
        return console;
    }

    private static void assertSignedOut(HttpResponse<String> response) {
        assertThat(response.body()).doesNotContain("Signed in as");
        assertThat(
                        response.statusCode() == 302
                                ? response.headers().firstValue("Location").orElse("")
                                : response.body())
                .contains("login");
    }

    private static void assertProblem(HttpResponse<String> response, String code) {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Http.json(response).getString("code")).isEqualTo(code);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("dev.ringproof");
    }

    private static void setPassword(Browser admin, String password, String repeated) {
        admin.type(By.id("user:password"), password);
        admin.type(By.id("user:repeat"), repeated);
        admin.driver.findElement(By.id("user:save")).click();
    }

    private static void changePassword(Browser browser, String current, String password, String repeated) {
        browser.type(By.id("account:current"), current);
        browser.type(By.id("account:password"), password);
        browser.type(By.id("account:repeat"), repeated);
        browser.driver.findElement(By.id("account:change-password")).click();
    }
}
