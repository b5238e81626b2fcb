package edu.campus.logistics.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body larger than the limit is refused with 413 before it is read: Camunda's REST layer
 * reads multipart bodies (attachments, binary variables, deployments) into memory, so a 150 MB upload
 * ended in an OutOfMemoryError. A declared {@code Content-Length} over the limit is refused at once; a
 * body without one (chunked) is counted while it is read and fails when it passes the limit.
 */
public class RequestSizeLimit extends OncePerRequestFilter {

  private final long maxBytes;

  public RequestSizeLimit(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write("{\"type\":\"PayloadTooLarge\",\"message\":\"请求内容过大：最多 " + maxBytes / (1024 * 1024)
          + " MB / the request body is " + request.getContentLengthLong() + " bytes; at most " + maxBytes + " are accepted\"}");
      return;
    }
    chain.doFilter(request.getContentLengthLong() < 0 ? new Counted(request, maxBytes) : request, response);
  }

  private static final class Counted extends HttpServletRequestWrapper {

    private final long maxBytes;
    private ServletInputStream stream;

    Counted(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream inner = super.getInputStream();
        stream = new ServletInputStream() {
          private long read;

          @Override
          public int read() throws IOException {
            int next = inner.read();
            if (next >= 0) {
              count(1);
            }
            return next;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = inner.read(buffer, offset, length);
            if (n > 0) {
              count(n);
            }
            return n;
          }

          private void count(int n) throws IOException {
            read += n;
            if (read > maxBytes) {
              throw new IOException("request body larger than " + maxBytes + " bytes");
            }
          }

          @Override
          public boolean isFinished() {
            return inner.isFinished();
          }

          @Override
          public boolean isReady() {
            return inner.isReady();
          }

          @Override
          public void setReadListener(ReadListener listener) {
            inner.setReadListener(listener);
          }
        };
      }
      return stream;
    }
  }
}
