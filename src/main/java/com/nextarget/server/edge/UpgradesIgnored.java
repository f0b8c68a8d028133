package com.nextarget.server.edge;

import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;

/**
 * Serves a request that asks for a protocol upgrade as the plain HTTP/1.1 request it also is (RFC 9110 7.8: a server
 * may ignore {@code Upgrade}); the server offers no other protocol. Grizzly's parser takes the body of any request
 * with an {@code Upgrade} header for raw bytes of the new protocol ({@code HttpCodecFilter.onIncomingUpgrade}) and
 * leaves it to the filter of that protocol to undo this. For {@code h2c} that is Grizzly's HTTP/2 filter, which
 * Payara leaves out of an HTTP protocol behind a port unification ({@code GenericGrizzlyListener} sets
 * {@code skipHttp2}), and nothing does it for other protocols: the body would never end, and a servlet reading it
 * would wait, holding a request thread, until the client gave up.
 */
final class UpgradesIgnored extends BaseFilter {

    /** Runs while the parser announces the upgrade, before it decides how the body is framed. */
    @Override
    public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) {
        if (event.type() != HttpEvents.IncomingHttpUpgradeEvent.TYPE) {
            return ctx.getInvokeAction();
        }
        HttpHeader header = ((HttpEvents.IncomingHttpUpgradeEvent) event).getHttpHeader();
        if (!header.isRequest()) {
            return ctx.getInvokeAction();
        }
        // framing by Content-Length or chunked, as for any request; no longer an upgrade, so the connection is kept
        // alive after the answer instead of being closed as an upgraded one
        header.setIgnoreContentModifiers(false);
        header.getUpgradeDC().recycle();
        return ctx.getStopAction();
    }
}
