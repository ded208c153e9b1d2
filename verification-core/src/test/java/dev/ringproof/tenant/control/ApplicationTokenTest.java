package dev.ringproof.tenant.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApplicationTokenTest {

    private static final String APP = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    private static final Instant NOW = Instant.parse("2026-11-29T05:00:00Z");
    private static KeyPair keys;
    private static KeyPair otherKeys;

    @BeforeAll
    static void keys() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
    }

    @Test
    void aTokenAsTheSdkSignsItIsAcceptedUntilItsMaximumAge() throws Exception {
        String token = rs256(header("RS256"), claims(NOW.minusSeconds(5), "jti-1", null), keys);

        var read = ApplicationToken.read(token).orElseThrow();
        assertThat(read.applicationId()).contains(APP);
        var accepted = read.verify(publicKey(), NOW).orElseThrow();
        assertThat(accepted.jti()).isEqualTo("jti-1");
        assertThat(accepted.acceptedUntil())
                .isEqualTo(NOW.minusSeconds(5).plus(ApplicationToken.MAX_AGE).plus(ApplicationToken.SKEW));
        assertThat(read.verify(publicKey(), NOW.plus(ApplicationToken.MAX_AGE).plus(ApplicationToken.SKEW)))
                .isEmpty();
    }

    @Test
    void anExpiredTokenOrOneFromTheFutureIsRefused() throws Exception {
        String expired = rs256(header("RS256"), claims(NOW.minusSeconds(300), "j", NOW.minusSeconds(120)), keys);
        String future = rs256(header("RS256"), claims(NOW.plusSeconds(600), "j", null), keys);
        String valid = rs256(header("RS256"), claims(NOW.minusSeconds(10), "j", NOW.plusSeconds(30)), keys);

        assertThat(ApplicationToken.read(expired).orElseThrow().verify(publicKey(), NOW))
                .isEmpty();
        assertThat(ApplicationToken.read(future).orElseThrow().verify(publicKey(), NOW))
                .isEmpty();
        assertThat(ApplicationToken.read(valid).orElseThrow().verify(publicKey(), NOW))
                .map(ApplicationToken.Accepted::acceptedUntil)
                .contains(NOW.plusSeconds(30).plus(ApplicationToken.SKEW));
    }

    @Test
    void anotherKeysSignatureAnAlteredClaimOrNoneIsRefused() throws Exception {
        String other = rs256(header("RS256"), claims(NOW, "j", null), otherKeys);
        String good = rs256(header("RS256"), claims(NOW, "j", null), keys);
        String[] parts = good.split("\\.");
        String altered = parts[0] + "." + b64(claims(NOW, "k", null)) + "." + parts[2];
        String none = b64(header("none")) + "." + b64(claims(NOW, "j", null)) + ".";

        assertThat(ApplicationToken.read(other).orElseThrow().verify(publicKey(), NOW))
                .isEmpty();
        assertThat(ApplicationToken.read(altered).orElseThrow().verify(publicKey(), NOW))
                .isEmpty();
        assertThat(ApplicationToken.read(none)).isEmpty();
    }

    @Test
    void anHmacSignedWithThePublicKeyIsRefused() throws Exception {
        String signedPart = b64(header("HS256")) + "." + b64(claims(NOW, "j", null));
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(keys.getPublic().getEncoded(), "HmacSHA256"));
        String token = signedPart + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signedPart.getBytes()));

        assertThat(ApplicationToken.read(token).orElseThrow().verify(publicKey(), NOW))
                .isEmpty();
    }

    @Test
    void whatIsNotAJwtWithAnApplicationIdIsNotRead() throws Exception {
        assertThat(ApplicationToken.read(null)).isEmpty();
        assertThat(ApplicationToken.read("a.b")).isEmpty();
        assertThat(ApplicationToken.read("a.b.c.d")).isEmpty();
        assertThat(ApplicationToken.read("!!.??.==")).isEmpty();
        assertThat(ApplicationToken.read(b64("[1]") + "." + b64("{}") + ".c")).isEmpty();
        String noApp = b64(header("RS256")) + "." + b64("{\"iat\":1,\"jti\":\"j\"}") + ".c2ln";
        assertThat(ApplicationToken.read(noApp)).isEmpty();
        String missingJti = rs256(
                header("RS256"), "{\"application_id\":\"" + APP + "\",\"iat\":" + NOW.getEpochSecond() + "}", keys);
        assertThat(ApplicationToken.read(missingJti).orElseThrow().verify(publicKey(), NOW))
                .isEmpty();
    }

    @Test
    void onlyRsaKeysOf2048BitsOrMoreAsPemAreTaken() throws Exception {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        assertThat(PublicKeyPem.parse(pem)).contains(publicKey());

        var small = KeyPairGenerator.getInstance("RSA");
        small.initialize(1024);
        String smallPem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getEncoder()
                        .encodeToString(small.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----";
        assertThat(PublicKeyPem.parse(smallPem)).isEmpty();
        assertThat(PublicKeyPem.parse("-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----"))
                .isEmpty();
        assertThat(PublicKeyPem.parse(null)).isEmpty();
    }

    private static RSAPublicKey publicKey() {
        return (RSAPublicKey) keys.getPublic();
    }

    private static String header(String alg) {
        return "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}";
    }

    private static String claims(Instant iat, String jti, Instant exp) {
        return "{\"application_id\":\"" + APP + "\",\"iat\":" + iat.getEpochSecond() + ",\"jti\":\"" + jti + "\""
                + (exp == null ? "" : ",\"exp\":" + exp.getEpochSecond()) + "}";
    }

    private static String rs256(String header, String claims, KeyPair pair) throws Exception {
        String signedPart = b64(header) + "." + b64(claims);
        var signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.getPrivate());
        signer.update(signedPart.getBytes(StandardCharsets.US_ASCII));
        return signedPart + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
