package edu.campus.logistics.ledger;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Ledger refusals as 4xx answers with the reason. */
@RestControllerAdvice(assignableTypes = LedgerController.class)
public class LedgerErrors {

  @ExceptionHandler(LedgerException.class)
  public ResponseEntity<Map<String, Object>> refused(LedgerException refusal) {
    HttpStatus status = refusal instanceof UnknownItemException ? HttpStatus.NOT_FOUND
        : refusal instanceof InsufficientStockException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
    return ResponseEntity.status(status).body(Map.of("status", status.value(), "error", refusal.getCode(),
        "message", refusal.getMessage()));
  }
}
