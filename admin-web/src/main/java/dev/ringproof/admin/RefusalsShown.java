package dev.ringproof.admin;

import dev.ringproof.platform.boundary.Refusal;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one place where a page action's {@link Refusal} becomes what the page shows (see
 * {@link ShowsRefusals}). Only the refusal's own words reach the page: it is written for the
 * client, and anything else a page action throws goes to the console's error page.
 * Serializable, as the interceptor of view-scoped beans must be.
 */
@ShowsRefusals
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RefusalsShown implements Serializable {

    private static final long serialVersionUID = 1L;

    @AroundInvoke
    Object show(InvocationContext call) throws Exception {
        try {
            return call.proceed();
        } catch (Refusal refusal) {
            var shows = call.getMethod().getAnnotation(ShowsRefusals.class);
            if (shows.notFound()) {
                RefusalMessages.notFound();
            } else {
                RefusalMessages.show(refusal, inputs(shows));
            }
            return null;
        }
    }

    private static Map<String, String> inputs(ShowsRefusals shows) {
        return Arrays.stream(shows.value())
                .collect(Collectors.toMap(ShowsRefusals.Input::field, ShowsRefusals.Input::id));
    }
}
