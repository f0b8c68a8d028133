package com.nextarget.server.edge;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpPacket;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.memory.Buffers;

/**
 * Sits right after Grizzly's HTTP parser: refuses, with the contract's JSON, the requests the web container would
 * answer with an empty page or a stack trace (malformed paths) and the ones above the limits that real clients stay
 * under (the parser's own limits are set far higher, so that these answers, not its empty 400, are what a client
 * meets). Everything else passes untouched.
 */
final class RequestChecks extends BaseFilter {

    /** At least 16 KiB of headers must be served (long cookies); beyond this a request gets 431. */
    static final int MAX_HEADER_BYTES = 24 * 1024;
    static final int MAX_HEADERS = 200;

    private static final String REFUSED = RequestChecks.class.getName() + ".refused";
    private static final Logger LOG = Logger.getLogger(RequestChecks.class.getName());

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (!(ctx.getMessage() instanceof HttpContent content)
                || !(content.getHttpHeader() instanceof HttpRequestPacket request)) {
            return ctx.getInvokeAction();
        }
        if (request.getAttribute(REFUSED) != null) {
            // the rest of a refused request's body goes nowhere: the connection is closing
            return ctx.getStopAction();
        }
        int status = BootGate.isOpen() ? refusal(request) : 503;
        if (status == 0) {
            return ctx.getInvokeAction();
        }
        request.setAttribute(REFUSED, Boolean.TRUE);
        if (status != 503) {
            LOG.log(Level.INFO, "Refused a request in the HTTP layer: {0}", status);
        }
        answer(ctx, request.getResponse(), status);
        return ctx.getStopAction();
    }

    /** Every answer, the application's and the container's, tells browsers not to guess its content type. */
    @Override
    public NextAction handleWrite(FilterChainContext ctx) {
        if (ctx.getMessage() instanceof HttpPacket packet
                && packet.getHttpHeader() instanceof HttpResponsePacket response
                && !response.isCommitted() && !response.containsHeader(EdgeAnswers.NOSNIFF_HEADER)) {
            response.addHeader(EdgeAnswers.NOSNIFF_HEADER, "nosniff");
        }
        return ctx.getInvokeAction();
    }

    private static int refusal(HttpRequestPacket request) {
        String path = request.getRequestURI();
        String query = request.getQueryString();
        if (path.length() + (query == null ? 0 : query.length() + 1) > RequestTarget.MAX_LENGTH) {
            return 414;
        }
        MimeHeaders headers = request.getHeaders();
        // RFC 9112 6.1: framing that two parsers can read differently (request smuggling); refused and closed
        if (headers.getHeader(Header.TransferEncoding) != null && headers.getHeader(Header.ContentLength) != null) {
            return 400;
        }
        if (headers.size() > MAX_HEADERS) {
            return 431;
        }
        long headerBytes = 0;
        for (int i = 0; i < headers.size(); i++) {
            headerBytes += headers.getName(i).getLength() + headers.getValue(i).getLength() + 4;
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            return 431;
        }
        return RequestTarget.refusal(path);
    }

    /** Answers and closes the connection: the request's body, if any, is never read, so it cannot be reused. */
    private static void answer(FilterChainContext ctx, HttpResponsePacket response, int status) {
        byte[] body = EdgeAnswers.body(status);
        response.setStatus(status);
        response.setReasonPhrase(EdgeAnswers.statusLine(status));
        response.setContentType(EdgeAnswers.CONTENT_TYPE);
        response.setContentLength(body.length);
        response.setHeader(EdgeAnswers.NOSNIFF_HEADER, "nosniff");
        response.setHeader(Header.Connection, "close");
        if (status == 503) {
            response.setHeader(Header.RetryAfter, "1");
        }
        Connection<?> connection = ctx.getConnection();
        HttpContent answer = HttpContent.builder(response)
                .content(Buffers.wrap(ctx.getMemoryManager(), body))
                .last(true)
                .build();
        ctx.write(answer, new EmptyCompletionHandler<WriteResult>() {
            @Override
            public void completed(WriteResult result) {
                connection.closeSilently();
            }

            @Override
            public void failed(Throwable throwable) {
                connection.closeSilently();
            }
        });
    }
}
