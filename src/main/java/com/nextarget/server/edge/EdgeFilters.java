package com.nextarget.server.edge;

import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.portunif.PUFilter;
import org.glassfish.grizzly.portunif.PUProtocol;
import org.glassfish.grizzly.portunif.ProtocolFinder;

/**
 * How the HTTP layer's own answers become the contract's JSON. Payara builds the HTTP filter chain of a listener
 * itself and offers no setting to add a filter to it; the one element whose class the configuration names and that
 * gets hold of that chain is a port-unification filter. The pre-boot commands therefore put the HTTP protocol
 * behind this "port unification" with a single protocol ({@link AnyConnectionIsHttp}), and this class adds
 * {@link JsonErrorBodies} in front of Grizzly's HTTP parser, and {@link UpgradesIgnored} and {@link RequestChecks}
 * right after it.
 */
public class EdgeFilters extends PUFilter {

    public EdgeFilters() {
        ClientMistakeLogs.install();
    }

    @Override
    public PUProtocol register(ProtocolFinder finder, FilterChain chain) {
        int parser = -1;
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i) instanceof HttpServerFilter) {
                parser = i;
            }
        }
        if (parser < 0) {
            throw new IllegalStateException("no HTTP parser in the listener's filter chain");
        }
        chain.add(parser + 1, new RequestChecks());
        chain.add(parser + 1, new UpgradesIgnored());
        chain.add(parser, new JsonErrorBodies());
        return super.register(finder, chain);
    }
}
