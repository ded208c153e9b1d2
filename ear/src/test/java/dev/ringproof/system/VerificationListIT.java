package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Listing and searching verifications (docs/api.md, GET /api/v1/verifications and GET
 * /api/admin/v1/verifications): a tenant's key pages through its own world's verifications
 * only, newest first, filtered by status, phone, reference and days; admins see every tenant's,
 * by tenant and world; bad input is 400 problem+json.
 */
@ExtendWith(ArquillianExtension.class)
class VerificationListIT {

    private static final String VERIFICATIONS = "api/v1/verifications";
    private static final String ADMIN_LIST = "api/admin/v1/verifications";

    private final Ringproof ringproof = new Ringproof();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    /**
     * A tenant with five live verifications (oldest first: one approved, two canceled, two
     * pending, each with its own phone and reference) and two test ones, and another tenant
     * with one live verification to a phone the first tenant also verified.
     */
    private record Scene(
            String tenantId,
            Http live,
            Http test,
            List<String> liveIds,
            List<String> livePhones,
            List<String> testIds,
            String approvedId,
            List<String> canceledIds,
            String otherTenantId,
            Http other,
            String otherId,
            String run) {}

    private Scene scene() {
        ringproof.londonPool();
        String run = Long.toString(System.nanoTime(), 36);
        var acme = ringproof.tenant(
                "{\"name\":\"Lister " + run + "\",\"workflow\":[\"missed_call\",\"sms\",\"voice\"]}", "live");
        Http test = key(acme.id(), "test");
        List<String> liveIds = new ArrayList<>();
        List<String> livePhones = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String phone = Ringproof.mobile();
            livePhones.add(phone);
            liveIds.add(started(acme.api(), phone, "order-" + run + "-" + i));
        }
        String cli = callerOf(livePhones.get(0));
        var approved = Ringproof.check(acme, liveIds.get(0), cli.substring(cli.length() - 4));
        assertThat(Http.json(approved).getString("status")).as(approved.body()).isEqualTo("approved");
        for (int i : new int[] {1, 2}) {
            var canceled = acme.api().postJson(VERIFICATIONS + "/" + liveIds.get(i) + "/cancel", "{}");
            assertThat(canceled.statusCode()).as(canceled.body()).isEqualTo(200);
        }
        List<String> testIds =
                List.of(started(test, Ringproof.mobile(), "test-" + run), started(test, livePhones.get(3), null));
        var other = ringproof.tenant("{\"name\":\"Other lister " + run + "\"}", "live");
        String otherId = started(other.api(), livePhones.get(4), "order-" + run + "-4");
        return new Scene(
                acme.id(),
                acme.api(),
                test,
                liveIds,
                livePhones,
                testIds,
                liveIds.get(0),
                List.of(liveIds.get(1), liveIds.get(2)),
                other.id(),
                other.api(),
                otherId,
                run);
    }

    @Test
    void pagesGoThroughAllOfTheKeysOwnWorldNewestFirstWithoutDuplicatesOrGaps() {
        var scene = scene();

        var pages = allPages(scene.live(), VERIFICATIONS + "?limit=2");

        assertThat(pages).as("five verifications, two a page").hasSize(3);
        assertThat(pages.get(0).getJsonArray("items")).hasSize(2);
        assertThat(pages.get(2).getJsonArray("items")).hasSize(1);
        assertThat(pages.get(2).get("next_cursor")).isEqualTo(JsonValue.NULL);
        var items = items(pages);
        assertThat(ids(items))
                .as("newest first, each once, the other world's and the other tenant's never")
                .containsExactlyElementsOf(reversed(scene.liveIds()));
        assertCreatedNewestFirst(items);

        var testItems = items(allPages(scene.test(), VERIFICATIONS + "?limit=1"));
        assertThat(ids(testItems)).containsExactlyElementsOf(reversed(scene.testIds()));
        var otherItems = items(allPages(scene.other(), VERIFICATIONS));
        assertThat(ids(otherItems)).containsExactly(scene.otherId());
    }

    @Test
    void eachItemIsTheVerificationAsItsOwnGetAnswersIt() {
        var scene = scene();

        for (String closed : List.of(scene.approvedId(), scene.canceledIds().get(0))) {
            // a carrier's delivery report may still move an attempt's status between the two reads
            Eventually.until(
                    "the listed " + closed + " equal to GET's",
                    Duration.ofSeconds(30),
                    () -> List.of(
                            listedItem(scene.live(), closed),
                            Http.json(scene.live().get(VERIFICATIONS + "/" + closed))),
                    pair -> pair.get(0).equals(pair.get(1)));
        }
    }

    @Test
    void filtersByStatusPhoneReferenceAndDays() {
        var scene = scene();
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        assertThat(listed(scene.live(), "status=canceled")).containsExactlyElementsOf(reversed(scene.canceledIds()));
        assertThat(listed(scene.live(), "status=approved")).containsExactly(scene.approvedId());
        assertThat(listed(scene.live(), "status=pending&limit=1"))
                .containsExactly(scene.liveIds().get(4), scene.liveIds().get(3));
        String phone = scene.livePhones().get(3);
        String written = phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7);
        assertThat(listed(scene.live(), "phone=" + encoded(written)))
                .as("a phone written with spaces, the other world's verification of it not")
                .containsExactly(scene.liveIds().get(3));
        assertThat(listed(scene.test(), "phone=" + encoded(phone)))
                .containsExactly(scene.testIds().get(1));
        assertThat(listed(scene.live(), "reference=order-" + scene.run() + "-2"))
                .containsExactly(scene.liveIds().get(2));
        assertThat(listed(
                        scene.live(),
                        "status=pending&phone=" + encoded(scene.livePhones().get(0))))
                .isEmpty();
        assertThat(listed(scene.live(), "from=" + today + "&to=" + today)).hasSize(5);
        String tomorrow = LocalDate.parse(today).plusDays(1).toString();
        String yesterday = LocalDate.parse(today).minusDays(1).toString();
        assertThat(listed(scene.live(), "from=" + tomorrow)).isEmpty();
        assertThat(listed(scene.live(), "to=" + yesterday)).isEmpty();
    }

    @Test
    void anotherTenantsVerificationsAreNeverListedWhateverTheFilters() {
        var scene = scene();
        String shared = scene.livePhones().get(4);

        assertThat(listed(scene.other(), "phone=" + encoded(shared))).containsExactly(scene.otherId());
        assertThat(listed(scene.other(), "reference=order-" + scene.run() + "-4"))
                .containsExactly(scene.otherId());
        assertThat(listed(scene.live(), "phone=" + encoded(shared)))
                .containsExactly(scene.liveIds().get(4));
        assertThat(listed(scene.other(), "status=canceled")).isEmpty();
    }

    @Test
    void adminsListAcrossTenantsAndByTenantAndWorld() {
        var scene = scene();

        var byTenant = items(allPages(ringproof.admin, ADMIN_LIST + "?tenant=" + scene.tenantId() + "&limit=3"));
        Set<String> expected = new LinkedHashSet<>(scene.liveIds());
        expected.addAll(scene.testIds());
        assertThat(ids(byTenant)).as("both worlds, each once").containsExactlyInAnyOrderElementsOf(expected);
        assertCreatedNewestFirst(byTenant);
        assertThat(byTenant)
                .allSatisfy(i -> assertThat(i.getString("tenant_id")).isEqualTo(scene.tenantId()));
        assertThat(byTenant)
                .filteredOn(i -> i.getString("mode").equals("test"))
                .extracting(i -> i.getString("id"))
                .containsExactlyInAnyOrderElementsOf(scene.testIds());

        var testOnly = items(allPages(ringproof.admin, ADMIN_LIST + "?tenant=" + scene.tenantId() + "&mode=test"));
        assertThat(ids(testOnly)).containsExactlyElementsOf(reversed(scene.testIds()));

        var sharedPhone = items(allPages(
                ringproof.admin,
                ADMIN_LIST + "?phone=" + encoded(scene.livePhones().get(4)) + "&limit=1"));
        assertThat(sharedPhone)
                .extracting(i -> i.getString("tenant_id") + " " + i.getString("id"))
                .containsExactly(
                        scene.otherTenantId() + " " + scene.otherId(),
                        scene.tenantId() + " " + scene.liveIds().get(4));
    }

    @Test
    void tenantKeysDoNotOpenTheAdminList() {
        var scene = scene();

        var answer = scene.live().get(ADMIN_LIST + "?tenant=" + scene.otherTenantId());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
        assertThat(answer.body()).doesNotContain(scene.otherId());
    }

    @Test
    void badInputIsA400ProblemNamingTheParameter() {
        var scene = scene();
        String foreignCursor = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("v2 2026-11-25T10:00:00Z vf_x".getBytes(StandardCharsets.UTF_8));
        var tenantCases = List.of(
                new String[] {"status=approvedd", "status"},
                new String[] {"status=PENDING", "status"},
                new String[] {"phone=abc", "phone"},
                new String[] {"phone=" + encoded("+447700900123"), "phone"},
                new String[] {"reference=" + "r".repeat(201), "reference"},
                new String[] {"from=2026-13-01", "from"},
                new String[] {"to=yesterday", "to"},
                new String[] {"from=2026-11-02&to=2026-11-01", "to"},
                new String[] {"limit=0", "limit"},
                new String[] {"limit=101", "limit"},
                new String[] {"limit=ten", "limit"},
                new String[] {"cursor=not-a-cursor!", "cursor"},
                new String[] {"cursor=" + foreignCursor, "cursor"});
        for (String[] bad : tenantCases) {
            assertRefused(scene.live().get(VERIFICATIONS + "?" + bad[0]), bad[1]);
        }
        for (String[] bad : List.of(
                new String[] {"mode=sandbox", "mode"},
                new String[] {"tenant=tn_nobody", "tenant"},
                new String[] {"status=done", "status"},
                new String[] {"limit=1000", "limit"},
                new String[] {"cursor=YWJj", "cursor"})) {
            assertRefused(ringproof.admin.get(ADMIN_LIST + "?" + bad[0]), bad[1]);
        }
    }

    private static void assertRefused(HttpResponse<String> answer, String field) {
        assertThat(answer.statusCode())
                .as(answer.request().uri() + ": " + answer.body())
                .isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var problem = Http.json(answer);
        assertThat(problem.getString("code")).isEqualTo("invalid_request");
        assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("field"))
                .as(answer.request().uri().toString())
                .isEqualTo(field);
        assertThat(answer.body()).doesNotContainIgnoringCase("exception").doesNotContain("select ");
    }

    /** Follows next_cursor from the first page to the last, at most 50 pages. */
    private static List<JsonObject> allPages(Http api, String firstPage) {
        List<JsonObject> pages = new ArrayList<>();
        String path = firstPage;
        while (path != null) {
            var answer = api.get(path);
            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            var page = Http.json(answer);
            pages.add(page);
            assertThat(pages).as("pages of " + firstPage).hasSizeLessThanOrEqualTo(50);
            path = page.isNull("next_cursor")
                    ? null
                    : firstPage + (firstPage.contains("?") ? "&" : "?") + "cursor="
                            + encoded(page.getString("next_cursor"));
        }
        return pages;
    }

    private static JsonObject listedItem(Http api, String id) {
        return items(allPages(api, VERIFICATIONS + "?limit=100")).stream()
                .filter(i -> i.getString("id").equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> listed(Http api, String query) {
        return ids(items(allPages(api, VERIFICATIONS + "?" + query)));
    }

    private static List<JsonObject> items(List<JsonObject> pages) {
        return pages.stream()
                .flatMap(p -> p.getJsonArray("items").getValuesAs(JsonObject.class).stream())
                .toList();
    }

    private static List<String> ids(List<JsonObject> items) {
        return items.stream().map(i -> i.getString("id")).toList();
    }

    private static void assertCreatedNewestFirst(List<JsonObject> items) {
        var created = items.stream()
                .map(i -> OffsetDateTime.parse(i.getString("created_at")))
                .toList();
        for (int i = 1; i < created.size(); i++) {
            assertThat(created.get(i)).as("item %d", i).isBeforeOrEqualTo(created.get(i - 1));
        }
    }

    private static List<String> reversed(List<String> ids) {
        var copy = new ArrayList<>(ids);
        Collections.reverse(copy);
        return copy;
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private Http key(String tenantId, String mode) {
        var key = ringproof.admin.postJson(
                "api/admin/v1/tenants/" + tenantId + "/api-keys",
                "{\"label\":\"" + mode + " lister\",\"mode\":\"" + mode + "\"}");
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        return Http.bearer(Http.json(key).getString("key"));
    }

    private static String started(Http api, String phone, String reference) {
        String body = reference == null
                ? "{\"phone\":\"" + phone + "\"}"
                : "{\"phone\":\"" + phone + "\",\"reference\":\"" + reference + "\"}";
        var started = api.postJson(VERIFICATIONS, body);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return Http.json(started).getString("id");
    }

    private String callerOf(String phone) {
        var inbox = ringproof.inboxWhen(phone, messages -> !messages.isEmpty());
        JsonObject call = inbox.getJsonObject(inbox.size() - 1);
        assertThat(call.getString("type")).isEqualTo("call");
        return call.getString("from");
    }
}
