package edu.campus.logistics.input;

import edu.campus.logistics.cases.ParseListeners;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.spin.plugin.variable.type.SpinValueType;
import org.springframework.stereotype.Component;

/**
 * Engine-wide limits on what callers can hand in, for every process of every deployment: text
 * variables longer than the database column ({@link BoundedStringSerializer}), {@code Json}
 * variables whose text is not JSON ({@link WellFormedJsonSerializer}) and business keys longer than
 * {@value #MAX_BUSINESS_KEY_LENGTH} characters are refused with a {@link BadUserRequestException}
 * before anything is stored; a start may set only the fields of the start form
 * ({@link StartFormFieldsOnly}), a task completion only the fields of the task's own form
 * ({@link FormFieldsOnly}); a task is claimed, handed over and completed only by the people
 * {@link TaskWorkers} allows. Process-specific checks (quantities,
 * amounts, item codes) stay with the processes.
 */
@Component
public class InputGuardPlugin extends AbstractProcessEnginePlugin {

  /** Length of {@code ACT_RU_EXECUTION.BUSINESS_KEY_}. */
  public static final int MAX_BUSINESS_KEY_LENGTH = 255;

  private final FormFieldsOnly formFieldsOnly = new FormFieldsOnly();

  private static final ExecutionListener BUSINESS_KEY_LIMIT = execution -> {
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey != null && businessKey.length() > MAX_BUSINESS_KEY_LENGTH) {
      throw new BadUserRequestException("Business key is " + businessKey.length() + " characters long; at most "
          + MAX_BUSINESS_KEY_LENGTH + " are allowed");
    }
  };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.before(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addListener(ExecutionListener.EVENTNAME_START, BUSINESS_KEY_LIMIT);
      }

      @Override
      public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEvent) {
        if (scope instanceof ProcessDefinitionEntity process && startEventElement.elements().stream()
            .noneMatch(child -> child.getTagName().endsWith("EventDefinition"))) {
          // first of the process's own start listeners: the variables are exactly the caller's
          process.addBuiltInListener(ExecutionListener.EVENTNAME_START, new StartFormFieldsOnly(
              startEventElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef") != null,
              startEventElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "initiator")));
        }
      }

      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        if (task.getCamundaFormDefinitionKey() != null) {
          // built-in listeners run before the model's own, so the model's listeners read what was recorded
          task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, formFieldsOnly);
        }
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, TaskWorkers.OWNERSHIP);
        // who may work the task is checked after the model's own listeners, whose refusals are more specific
        task.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, TaskWorkers.ASSIGNMENT);
        task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, TaskWorkers.COMPLETION);
      }
    });
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    VariableSerializers serializers = configuration.getVariableSerializers();
    TypedValueSerializer<?> stringSerializer = serializers.getSerializerByName(ValueType.STRING.getName());
    int index = serializers.getSerializerIndex(stringSerializer);
    serializers.removeSerializer(stringSerializer);
    serializers.addSerializer(new BoundedStringSerializer(), index);
  }

  /** Spin registers its serializers in its own postInit, so they are replaced once the engine is built. */
  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    VariableSerializers serializers =
        ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getVariableSerializers();
    TypedValueSerializer<?> jsonSerializer = serializers.getSerializerByName(SpinValueType.JSON.getName());
    int index = serializers.getSerializerIndex(jsonSerializer);
    serializers.removeSerializer(jsonSerializer);
    serializers.addSerializer(new WellFormedJsonSerializer(), index);
  }
}
