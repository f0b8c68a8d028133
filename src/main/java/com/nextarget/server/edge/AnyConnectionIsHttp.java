package com.nextarget.server.edge;

import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.portunif.PUContext;
import org.glassfish.grizzly.portunif.ProtocolFinder;

/** The only protocol behind {@link EdgeFilters}: every connection is HTTP, garbage included (the parser refuses it). */
public class AnyConnectionIsHttp implements ProtocolFinder {

    @Override
    public Result find(PUContext puContext, FilterChainContext ctx) {
        return Result.FOUND;
    }
}
