package org.commitmenttracker.service.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than {@code tracker.web.max-request-body} with a 413 problem before anything reads
 * it: by its declared {@code Content-Length}, and a body without one (chunked) is read into memory up to the limit
 * and refused as soon as it passes it. Bodies of the streamed media types (multipart forms, which the servlet
 * container's multipart limits stream to disk, and any a service bounds while it spools them) are left alone.
 */
public final class RequestBodyLimitFilter extends OncePerRequestFilter {
    private final long limit;
    private final List<MediaType> streamed;

    public RequestBodyLimitFilter(long limit, List<String> streamedMediaTypes) {
        this.limit = limit;
        this.streamed = MediaType.parseMediaTypes(streamedMediaTypes);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (streamed(request.getContentType())) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response);
            return;
        }
        if (declared >= 0 || !chunked(request)) {
            chain.doFilter(request, response); // the container reads no more than the declared length
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        if (body.length > limit) {
            refuse(request, response);
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    private boolean streamed(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return streamed.stream().anyMatch(candidate -> candidate.includes(type));
        } catch (InvalidMediaTypeException unparseable) {
            return false; // bounded here; the endpoint refuses the type
        }
    }

    private static boolean chunked(HttpServletRequest request) {
        String encoding = request.getHeader("Transfer-Encoding");
        return encoding != null && !encoding.isBlank();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The rest of the body is not read: the connection is closed rather than drained.
        response.setHeader("Connection", "close");
        ProblemJson.write(request, response, HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the limit of " + limit + " bytes.");
    }

    /** The request with its body already read (a chunked body within the limit). */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;
        private final ByteArrayInputStream bytes;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
            this.bytes = new ByteArrayInputStream(body);
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("A buffered body is read synchronously");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(bytes, encoding));
        }
    }
}
