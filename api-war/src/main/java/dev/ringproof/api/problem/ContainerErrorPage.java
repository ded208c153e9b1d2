package dev.ringproof.api.problem;

import jakarta.json.spi.JsonProvider;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;

/**
 * The error page (WEB-INF/web.xml) for errors the servlet container or Jersey answer before
 * any of the API's code runs, e.g. a Content-Type that is not a media type: a problem+json
 * instead of the server's HTML error report, which names the server and its version.
 */
@WebServlet(ContainerErrorPage.PATH)
public class ContainerErrorPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/container-error";

    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        ErrorCode error = forStatus(status);
        String detail = status == 404 ? "No such resource." : error.title() + ".";
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write(JSON.createObjectBuilder()
                        .add("type", "about:blank")
                        .add("title", error.title())
                        .add("status", status)
                        .add("detail", detail)
                        .add("code", error.wireName())
                        .build()
                        .toString());
    }

    /** The first error code of that status; a status the API does not use becomes internal_error or invalid_request. */
    static ErrorCode forStatus(int status) {
        return Arrays.stream(ErrorCode.values())
                .filter(code -> code.status() == status)
                .findFirst()
                .orElse(status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_REQUEST);
    }
}
