package edu.campus.logistics.exports;

import org.springframework.http.HttpStatus;

/** Bad export parameters: answered with a 4xx and the reason, before anything is written. */
class ExportRefusal extends RuntimeException {

  private final HttpStatus status;

  ExportRefusal(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  static ExportRefusal badRequest(String message) {
    return new ExportRefusal(HttpStatus.BAD_REQUEST, message);
  }

  HttpStatus status() {
    return status;
  }
}
