package dev.ringproof.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code bin/quickstart}, as a newcomer runs it against {@code ./ringproof run}: tenant, key,
 * pool and one missed-call verification to approved, with only the admin password given.
 */
@ExtendWith(ArquillianExtension.class)
class QuickstartIT {

    private static final Path SCRIPT = Path.of("..", "bin", "quickstart");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RingproofEar.asBuilt();
    }

    @Test
    void theQuickstartApprovesAMissedCallVerificationWithoutHandCopiedIds() throws Exception {
        String phone = Ringproof.mobile();
        var run = quickstart(Ringproof.ADMIN_PASSWORD, phone);

        assertThat(run.exit).as(run.errors).isZero();
        assertThat(run.errors).contains("tenant  tn_", "pool    pl_", "started vf_", "called  from +44207");
        var answer = Http.json(run.output);
        assertThat(answer.getString("status")).isEqualTo("approved");
        assertThat(answer.getBoolean("valid")).isTrue();
        assertThat(answer.getString("phone")).isEqualTo(phone);
        var verifications = Http.json(Http.basic(Ringproof.ADMIN, Ringproof.ADMIN_PASSWORD)
                .get("api/admin/v1/verifications?phone=" + phone.replace("+", "%2B")));
        assertThat(verifications.getJsonArray("items")).hasSize(1);
        assertThat(verifications.getJsonArray("items").getJsonObject(0).getString("status"))
                .isEqualTo("approved");
    }

    @Test
    void aWrongPasswordStopsAtTheFirstStepAndSaysWhy() throws Exception {
        var run = quickstart("not-the-password", Ringproof.mobile());

        assertThat(run.exit).isNotZero();
        assertThat(run.errors).contains("401").doesNotContain("tenant  tn_");
        assertThat(run.output).isEmpty();
    }

    private record Run(int exit, String output, String errors) {}

    private static Run quickstart(String password, String phone) throws IOException, InterruptedException {
        var builder = new ProcessBuilder("bash", SCRIPT.toString(), phone);
        builder.environment().put("RINGPROOF_URL", Http.BASE.toString().replaceAll("/$", ""));
        builder.environment().put("RINGPROOF_ADMIN_PASSWORD", password);
        builder.environment().remove("RINGPROOF_ADMIN_USER");
        var process = builder.start();
        var output = process.getInputStream().readAllBytes();
        var errors = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(
                process.exitValue(),
                new String(output, StandardCharsets.UTF_8),
                new String(errors, StandardCharsets.UTF_8));
    }
}
