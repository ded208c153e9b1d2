package dev.ringproof.admin;

import dev.ringproof.platform.boundary.Refusal;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Map;

/**
 * Shows a domain refusal on the page: each field problem next to its input (the refusal names
 * fields as the API does; {@code fieldIds} maps them to client ids), anything else at the top.
 */
public final class RefusalMessages {

    private RefusalMessages() {}

    static void show(Refusal refusal, Map<String, String> fieldIds) {
        var faces = FacesContext.getCurrentInstance();
        if (refusal.fieldProblems().isEmpty()) {
            faces.addMessage(null, error(refusal.getMessage()));
        }
        for (var problem : refusal.fieldProblems()) {
            String clientId = fieldIds.get(baseName(problem.field()));
            String text = clientId == null ? problem.field() + " " + problem.message() : capitalised(problem.message());
            faces.addMessage(clientId, error(text));
        }
        faces.validationFailed();
    }

    /** For a page whose subject (?id=) does not exist: the console's 404 page instead of a half-rendered one. */
    static void notFound() {
        var faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(404, "Not found");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    private static FacesMessage error(String text) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null);
    }

    /** "fallback_after_seconds.sms" and "numbers[line 3]" belong to the inputs "fallback_after_seconds" and "numbers". */
    private static String baseName(String field) {
        int cut = field.length();
        for (char c : new char[] {'.', '['}) {
            int at = field.indexOf(c);
            cut = at >= 0 ? Math.min(cut, at) : cut;
        }
        return field.substring(0, cut);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
