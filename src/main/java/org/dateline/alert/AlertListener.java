package org.dateline.alert;

/** Receives an alert's events as they are made (a server-sent event stream). */
@FunctionalInterface
public interface AlertListener {

  /** Called on an indexing thread: hand the event on, do not block. */
  void event(AlertEvent event);
}
