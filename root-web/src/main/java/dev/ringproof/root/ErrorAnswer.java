package dev.ringproof.root;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * The error page of every path outside {@code /api} and {@code /admin} (a mistyped
 * {@code /API/...}, a context the server does not have): a browser gets Ringproof's own page,
 * any other client the same problem+json the API answers, so a misspelled API path is still
 * a machine-readable 4xx. Neither names the server or its version.
 */
@WebServlet(ErrorAnswer.PATH)
public class ErrorAnswer extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/error";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        int status = answeredStatus(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
        response.setStatus(status);
        String accept = request.getHeader("Accept");
        if (accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html")) {
            String page = status == 404 ? "not-found" : status == 405 ? "method" : "error";
            request.getRequestDispatcher("/WEB-INF/errors/" + page + ".html").forward(request, response);
            return;
        }
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(problem(status));
    }

    /**
     * The status to answer for the container's error: a method the server's default servlet does
     * not implement at all ({@code PATCH}, {@code PROPFIND}, an invented one) is its 501, yet the
     * client asked for something no path here offers: 405, as for any other method it refuses.
     */
    static int answeredStatus(Object containerStatus) {
        int status = containerStatus instanceof Integer code ? code : 404;
        return status == HttpServletResponse.SC_NOT_IMPLEMENTED ? HttpServletResponse.SC_METHOD_NOT_ALLOWED : status;
    }

    /** The API's problem+json for a status (the same titles and codes as its own errors). */
    static String problem(int status) {
        String[] titleAndCode = switch (status) {
            case 404 -> new String[] {"Not found", "not_found", "No such resource."};
            case 405 ->
                new String[] {"Method not allowed", "method_not_allowed", "This resource does not support that method."
                };
            case 400 -> new String[] {"The request is not valid", "invalid_request", "The request could not be read."};
            default ->
                status >= 500
                        ? new String[] {"Something went wrong on our side", "internal_error", "Please try again later."}
                        : new String[] {
                            "The request is not valid", "invalid_request", "The request could not be served."
                        };
        };
        return "{\"type\":\"about:blank\",\"title\":\"" + titleAndCode[0] + "\",\"status\":" + status + ",\"detail\":\""
                + titleAndCode[2] + "\",\"code\":\"" + titleAndCode[1] + "\"}";
    }
}
