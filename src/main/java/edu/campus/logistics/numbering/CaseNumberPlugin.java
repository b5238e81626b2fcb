package edu.campus.logistics.numbering;

import edu.campus.logistics.cases.ParseListeners;
import java.util.Map;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Gives every case of a process whose model names a prefix — the process's extension property
 * {@value #PREFIX_PROPERTY} (Camunda Modeler: process → Extension properties), e.g. {@code CG} for
 * procurement, {@code BX} for repairs — its case number as business key when it starts: the first
 * thing the process does, before its own listeners. A business key handed in by the caller (REST
 * {@code businessKey}, the Java API) is replaced: the number is the school's, unique and in order, not
 * the caller's. Sub-cases started by a call activity keep the key they are given (damage compensation
 * carries its repair's number); processes without the property keep whatever key they are started with.
 */
@Component
public class CaseNumberPlugin extends AbstractProcessEnginePlugin {

  public static final String PREFIX_PROPERTY = "caseNumberPrefix";

  private static final Logger LOG = LoggerFactory.getLogger(CaseNumberPlugin.class);

  private final CaseNumbers caseNumbers;

  public CaseNumberPlugin(@Lazy CaseNumbers caseNumbers) {
    this.caseNumbers = caseNumbers;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.after(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        Map<String, String> properties = BpmnParseUtil.parseCamundaExtensionProperties(processElement);
        String prefix = properties == null ? null : properties.get(PREFIX_PROPERTY);
        if (prefix == null) {
          return;
        }
        if (!CaseNumbers.PREFIX.matcher(prefix).matches()) {
          throw new IllegalArgumentException("process " + processDefinition.getKey() + ": " + PREFIX_PROPERTY + " \""
              + prefix + "\" must be 2 to 8 capital letters (流程的编号前缀须为 2 到 8 个大写字母)");
        }
        ExecutionListener numberTheCase = execution -> {
          if (execution.getSuperExecution() == null) {
            String number = caseNumbers.next(prefix);
            LOG.debug("Case {} of {} numbered {} (was {})", execution.getProcessInstanceId(),
                processDefinition.getKey(), number, execution.getProcessBusinessKey());
            execution.setProcessBusinessKey(number);
          }
        };
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, numberTheCase);
      }
    });
  }
}
