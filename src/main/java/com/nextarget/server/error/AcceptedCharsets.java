package com.nextarget.server.error;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;

/**
 * An {@code Accept} that asks for a charset the JVM does not know ({@code application/json; charset=ebcdic}) gets
 * 406: the framework would otherwise fail while writing the answer, a 500 that is the client's doing.
 */
@Provider
@PreMatching
public class AcceptedCharsets implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        for (MediaType type : request.getAcceptableMediaTypes()) {
            String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
            if (charset != null && !isKnown(charset)) {
                request.abortWith(ErrorResponses.of(406, ErrorResponses.reason(406)).build());
                return;
            }
        }
    }

    private static boolean isKnown(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }
}
