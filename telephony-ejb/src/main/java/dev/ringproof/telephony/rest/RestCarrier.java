package dev.ringproof.telephony.rest;

import dev.ringproof.telephony.boundary.Carrier;
import dev.ringproof.telephony.boundary.Delivery;
import jakarta.json.Json;
import jakarta.json.JsonException;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * A carrier with the Twilio-style REST shape: {@code Messages.json} for SMS, {@code Calls.json}
 * for voice and flash calls. Sorts every failure into "nothing went out" (the next provider may
 * try) and "it may have gone out" (nobody may try again).
 */
public class RestCarrier implements Carrier {

    private final RestAccount account;
    private final FormPoster poster;

    public RestCarrier(RestAccount account, FormPoster poster) {
        this.account = account;
        this.poster = poster;
    }

    @Override
    public Delivery flashCall(String to, String cli) {
        // the carrier hangs up itself: ring for the ring time, answer nothing
        return call(to, cli, "<Response><Hangup/></Response>", account.ringSeconds());
    }

    @Override
    public Delivery sms(String to, String from, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", to);
        form.put("From", from);
        form.put("Body", text);
        return send("Messages.json", form);
    }

    @Override
    public Delivery voice(String to, String from, String text) {
        return call(to, from, "<Response><Say>" + xml(text) + "</Say></Response>", 30);
    }

    private Delivery call(String to, String from, String twiml, int timeoutSeconds) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", to);
        form.put("From", from);
        form.put("Twiml", twiml);
        form.put("Timeout", Integer.toString(timeoutSeconds));
        return send("Calls.json", form);
    }

    private Delivery send(String resource, Map<String, String> form) {
        if (account.statusCallback() != null) {
            form.put("StatusCallback", account.statusCallback().toString());
        }
        try {
            var response = poster.post(
                    account.resource(resource),
                    encode(form),
                    account.accountSid(),
                    account.authToken(),
                    account.timeout());
            return answer(response);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return Delivery.notSent("carrier unreachable");
        } catch (HttpTimeoutException e) {
            return Delivery.unknown("carrier timed out after the request left");
        } catch (IOException e) {
            return Delivery.unknown("connection to the carrier lost");
        } catch (BulkheadException e) {
            return Delivery.notSent("too many sends in flight");
        } catch (FaultToleranceException e) {
            return Delivery.unknown("carrier timed out after the request left");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.unknown("interrupted while the carrier answered");
        }
    }

    private static Delivery answer(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            return Delivery.notSent("carrier answered " + status);
        }
        return Delivery.accepted(sid(response.body()));
    }

    private static String sid(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            var sid = reader.readObject().getString("sid", null);
            return sid == null || sid.length() > 100 ? null : sid;
        } catch (JsonException | ClassCastException e) {
            return null;
        }
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
