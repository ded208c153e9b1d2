package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ringproof.client.ApiClient;
import dev.ringproof.client.ApiException;
import dev.ringproof.client.api.AdminApi;
import dev.ringproof.client.api.BillingApi;
import dev.ringproof.client.api.SandboxApi;
import dev.ringproof.client.api.TenantApi;
import dev.ringproof.client.model.ApiKey;
import dev.ringproof.client.model.ApiKeyRequest;
import dev.ringproof.client.model.Channel;
import dev.ringproof.client.model.CheckVerificationRequest;
import dev.ringproof.client.model.InboxEntry;
import dev.ringproof.client.model.Pool;
import dev.ringproof.client.model.PoolRequest;
import dev.ringproof.client.model.StartVerificationRequest;
import dev.ringproof.client.model.Tenant;
import dev.ringproof.client.model.TenantRequest;
import dev.ringproof.client.model.UsageLine;
import dev.ringproof.client.model.UserRequest;
import dev.ringproof.client.model.Verification;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole product through a Java client generated from the document {@code /openapi} serves
 * (ear/pom.xml; OpenApiIT holds the client's copy to the served one), and through nothing else:
 * an admin sets a tenant, a key, a pool and a billing user up; the tenant verifies one number by
 * missed call and another by SMS after {@code next}, and lists them; billing reads the usage.
 */
@ExtendWith(ArquillianExtension.class)
class GeneratedClientIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SMS_CODE = Pattern.compile("code is (\\d{4,10})");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    /** A client of this server's API whose every request carries {@code authorization} (null: none). */
    private static ApiClient client(String authorization) {
        var client = new ApiClient();
        client.setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
        client.updateBaseUri(Http.BASE.resolve("api").toString());
        if (authorization != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", authorization));
        }
        return client;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void setUpVerifyFallBackListAndBillThroughTheGeneratedClientOnly() throws ApiException {
        var admin = new AdminApi(client(basic(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD)));
        Tenant tenant = admin.createTenant(new TenantRequest().name("Generated client " + RANDOM.nextInt(1_000_000)));
        assertThat(tenant.getStatus()).isEqualTo(Tenant.StatusEnum.ACTIVE);
        assertThat(tenant.getWorkflow()).startsWith(Channel.MISSED_CALL, Channel.SMS);
        ApiKey key = admin.issueApiKey(
                tenant.getId(), new ApiKeyRequest().label("generated client").mode(ApiKeyRequest.ModeEnum.LIVE));
        assertThat(key.getKey()).startsWith("rp_live_");
        Pool pool = londonPool(admin);
        assertThat(pool.getSize()).isEqualTo(10_000L);
        assertThat(pool.getCodeDigits()).isEqualTo(4);
        String billingUser = "genclient" + Long.toString(System.nanoTime(), 36);
        String billingPassword = "generated-client-pw-" + RANDOM.nextInt(1_000_000);
        admin.createUser(new UserRequest()
                .username(billingUser)
                .password(billingPassword)
                .roles(List.of(UserRequest.RolesEnum.BILLING)));

        var tenantApi = new TenantApi(client("Bearer " + key.getKey()));
        var sandbox = new SandboxApi(client(null));

        String byCall = Ringproof.mobile();
        Verification first = tenantApi.startVerification(new StartVerificationRequest().phone(byCall), null);
        assertThat(first.getStatus()).isEqualTo(Verification.StatusEnum.PENDING);
        assertThat(first.getChannel()).isEqualTo(Channel.MISSED_CALL);
        String prefix = first.getAttempts().get(0).getCliPrefix();
        InboxEntry call = received(sandbox, byCall, InboxEntry.TypeEnum.CALL);
        assertThat(call.getFrom()).startsWith(prefix);
        Verification approved = tenantApi.checkVerification(
                first.getId(),
                new CheckVerificationRequest()
                        .code(call.getFrom().substring(call.getFrom().length() - 4)));
        assertThat(approved.getValid()).isTrue();
        assertThat(approved.getStatus()).isEqualTo(Verification.StatusEnum.APPROVED);

        String bySms = Ringproof.mobile();
        Verification second = tenantApi.startVerification(new StartVerificationRequest().phone(bySms), null);
        received(sandbox, bySms, InboxEntry.TypeEnum.CALL);
        Verification moved = tenantApi.startNextChannel(second.getId());
        assertThat(moved.getChannel()).isEqualTo(Channel.SMS);
        InboxEntry sms = received(sandbox, bySms, InboxEntry.TypeEnum.SMS);
        var code = SMS_CODE.matcher(sms.getText());
        assertThat(code.find()).as("a code in " + sms.getText()).isTrue();
        var wrong = catchThrowableOfType(
                ApiException.class,
                () -> tenantApi.checkVerification("vf_none", new CheckVerificationRequest().code("1234")));
        assertThat(wrong.getCode()).isEqualTo(404);
        Verification smsApproved =
                tenantApi.checkVerification(second.getId(), new CheckVerificationRequest().code(code.group(1)));
        assertThat(smsApproved.getStatus()).isEqualTo(Verification.StatusEnum.APPROVED);
        assertThat(tenantApi.getVerification(second.getId()).getAttempts())
                .extracting(a -> a.getChannel())
                .containsExactly(Channel.MISSED_CALL, Channel.SMS);

        var page = tenantApi.listVerifications(null, null, null, null, null, "10", null);
        assertThat(page.getItems()).extracting(Verification::getId).containsExactly(second.getId(), first.getId());
        assertThat(page.getNextCursor()).isNull();
        assertThat(admin.listTenants(tenant.getName(), null, null))
                .extracting(Tenant::getId)
                .containsExactly(tenant.getId());

        var billing = new BillingApi(client(basic(billingUser, billingPassword)));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        var usage = billing.getBillingUsage(today, today, tenant.getId());
        assertThat(usage.getLines())
                .extracting(
                        UsageLine::getChannel, UsageLine::getCountry, UsageLine::getAttempts, UsageLine::getApproved)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Channel.MISSED_CALL, "GB", 2L, 1L),
                        org.assertj.core.groups.Tuple.tuple(Channel.SMS, "GB", 1L, 1L));
        assertThat(usage.getLines())
                .allSatisfy(line -> assertThat(line.getTenantId()).isEqualTo(tenant.getId()));
        var refused = catchThrowableOfType(
                ApiException.class,
                () -> new AdminApi(client(basic(billingUser, billingPassword))).listTenants(null, null, null));
        assertThat(refused.getCode()).isEqualTo(403);
    }

    /** A GB pool with a whole block of 10 000 London numbers no other pool holds. */
    private static Pool londonPool(AdminApi admin) throws ApiException {
        Pool pool = admin.createPool(
                new PoolRequest().name("Generated client London").country("GB"));
        for (int tries = 0; tries < 50; tries++) {
            String block = "+44207" + (100 + RANDOM.nextInt(900));
            try {
                // the generator sends the operation's first media type, CSV here: a line "from,to" is a range
                return admin.addPoolNumbers(pool.getId(), block + "0000," + block + "9999\n");
            } catch (ApiException taken) {
                assertThat(taken.getCode()).as(taken.getResponseBody()).isEqualTo(400);
            }
        }
        throw new IllegalStateException("no free block of London numbers");
    }

    /** The handset's latest message of {@code type}, waiting for it to arrive. */
    private static InboxEntry received(SandboxApi sandbox, String phone, InboxEntry.TypeEnum type) {
        List<InboxEntry> inbox = Eventually.until(
                "a " + type + " to " + phone,
                Duration.ofSeconds(60),
                () -> sandbox.getHandsetInbox(phone),
                entries -> entries.stream().anyMatch(e -> e.getType() == type));
        return inbox.stream()
                .filter(e -> e.getType() == type)
                .reduce((a, b) -> b)
                .orElseThrow();
    }
}
