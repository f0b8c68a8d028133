package com.nextarget.server.token;

import jakarta.json.Json;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** RFC 6749 5.2: 400 with {@code error}; the contract's {@code detail}, and {@code error_description} for libraries. */
@Provider
public class OAuthProblemMapper implements ExceptionMapper<OAuthProblem> {

    @Override
    public Response toResponse(OAuthProblem problem) {
        String body = Json.createObjectBuilder()
                .add("error", problem.error())
                .add("detail", problem.getMessage())
                .add("error_description", problem.getMessage())
                .build().toString();
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .cacheControl(CacheControl.valueOf("no-store"))
                .header("Pragma", "no-cache")
                .entity(body)
                .build();
    }
}
