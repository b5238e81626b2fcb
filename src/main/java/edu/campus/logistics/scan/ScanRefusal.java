package edu.campus.logistics.scan;

/** A refused scan request (unknown place or asset card, malformed place): 400 with the reason, Chinese first. */
class ScanRefusal extends RuntimeException {

  ScanRefusal(String message) {
    super(message);
  }
}
