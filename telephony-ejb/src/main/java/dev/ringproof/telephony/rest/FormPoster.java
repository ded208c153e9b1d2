package dev.ringproof.telephony.rest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Posts a form with HTTP Basic credentials; the seam where fault tolerance wraps the network. */
public interface FormPoster {

    HttpResponse<String> post(URI uri, String form, String user, String password, Duration timeout)
            throws IOException, InterruptedException;
}
