package com.nextarget.server.testing;

import java.net.URI;

/** Where a test sends its requests: one server, or a load balancer in front of several. */
public interface Origin {

    URI uri(String pathAndQuery);
}
