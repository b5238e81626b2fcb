package edu.campus.logistics.input;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The paging parameters of Camunda's REST queries ({@code firstResult}, {@code maxResults}) must be
 * whole numbers of at least 0: a negative offset passes on H2 but is a database error (500) on
 * PostgreSQL. Refused with 400 and Camunda's error body before the query runs, on both REST APIs.
 */
public class PagingParameters extends OncePerRequestFilter {

  static final List<String> PARAMETERS = List.of("firstResult", "maxResults");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // read from the query string only: a form body stays unread for the resource that owns it
    MultiValueMap<String, String> query = UriComponentsBuilder.newInstance().query(request.getQueryString()).build()
        .getQueryParams();
    for (String parameter : PARAMETERS) {
      String value = query.getFirst(parameter);
      if (value != null && value.trim().startsWith("-")) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"InvalidRequestException\",\"message\":\"分页参数 " + parameter
            + " 不能为负数 / " + parameter + " must be a whole number of at least 0\"}");
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
