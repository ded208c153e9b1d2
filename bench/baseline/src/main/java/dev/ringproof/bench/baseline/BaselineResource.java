package dev.ringproof.bench.baseline;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * POST /baseline/rows with {"phone": "..."} and a bearer token: checks the token, reads the JSON,
 * inserts one row, answers 201 with JSON. No domain work at all.
 */
@Path("rows")
public class BaselineResource {

    private static final byte[] TOKEN = Optional.ofNullable(System.getenv("BASELINE_TOKEN"))
            .orElse("bench-baseline-token")
            .getBytes(StandardCharsets.UTF_8);

    @EJB
    Inserts inserts;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response insert(@HeaderParam("Authorization") String authorization, JsonObject body) {
        if (!authorized(authorization)) {
            return Response.status(401).build();
        }
        var phone = body == null ? null : body.getString("phone", null);
        if (phone == null || phone.length() > 16) {
            return Response.status(400).build();
        }
        var id = inserts.insert(phone);
        return Response.status(201)
                .entity(Json.createObjectBuilder()
                        .add("id", id)
                        .add("phone", phone)
                        .build())
                .build();
    }

    private static boolean authorized(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(TOKEN, header.substring(7).getBytes(StandardCharsets.UTF_8));
    }
}
