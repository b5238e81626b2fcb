package edu.campus.logistics.identity;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * What one process adds to Tasklist: the business variables its task cards show and any filters of
 * its own. Each process declares a bean of this type; {@link TasklistFilters} creates the filters.
 */
public interface ProcessTasklist {

  /** Business variables shown on task cards (name → Chinese label); a task shows those it has. */
  Map<String, String> cardVariables();

  /** The process's own filters, besides the shared ones every user has. */
  default List<Filter> filters(TaskService taskService) {
    return List.of();
  }

  /** A Tasklist filter: its name and description (Chinese), place, colour, query and the groups that read it. */
  record Filter(String name, String description, int priority, String color, TaskQuery query, List<String> readers) {
  }
}
