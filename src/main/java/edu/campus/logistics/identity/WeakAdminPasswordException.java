package edu.campus.logistics.identity;

/** The administrator configured for production is missing or has a weak password; see {@link AdminPasswordCheck}. */
public class WeakAdminPasswordException extends IllegalStateException {

  public WeakAdminPasswordException(String message) {
    super(message);
  }
}
