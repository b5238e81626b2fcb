package edu.campus.logistics.cases;

import java.util.List;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * A history event handler in front of the engine's own: each event passes {@code keep} first, which
 * may blank what history must not hold and says whether the event is written at all. Installed around
 * the configured handler once the engine is configured, so nothing reaches the database (or the KPI
 * read model) unfiltered: anonymous feedback, survey answers.
 */
public final class HistoryEventFilter implements HistoryEventHandler {

  private final HistoryEventHandler next;
  private final Predicate<HistoryEvent> keep;

  private HistoryEventFilter(HistoryEventHandler next, Predicate<HistoryEvent> keep) {
    this.next = next;
    this.keep = keep;
  }

  /** Puts {@code keep} in front of the configuration's history event handler (call from a plugin's postInit). */
  public static void install(ProcessEngineConfigurationImpl configuration, Predicate<HistoryEvent> keep) {
    configuration.setHistoryEventHandler(new HistoryEventFilter(configuration.getHistoryEventHandler(), keep));
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (keep.test(event)) {
      next.handleEvent(event);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    List<HistoryEvent> kept = events.stream().filter(keep).toList();
    if (!kept.isEmpty()) {
      next.handleEvents(kept);
    }
  }
}
