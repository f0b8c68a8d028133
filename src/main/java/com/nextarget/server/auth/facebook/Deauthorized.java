package com.nextarget.server.auth.facebook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The deauthorize callback's answer: an empty JSON object, which is all Meta expects. */
@Schema(name = "Deauthorized", description = "An empty JSON object")
public record Deauthorized() {
}
