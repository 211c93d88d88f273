package dev.baton.bench;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;

import java.nio.file.Path;
import java.util.Map;

/** Camunda 7 embedded: standalone configuration on an H2 file database, full history, default job executor, no DMN. */
final class CamundaBench implements BenchEngine {
    private final ProcessEngine engine;
    private final String url;

    CamundaBench(Path dir) {
        this.url = BenchEngine.h2Url(dir, "camunda");
        StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
        // Baton's FEEL engine on the classpath clashes with the shaded one Camunda's DMN engine expects; no scenario uses DMN
        config.setDmnEnabled(false);
        config.setDmnFeelEnableLegacyBehavior(true);
        config.setHistoryTimeToLive("P30D");
        // as the Spring Boot starter does: the default id blocks deadlock once client and job threads outnumber connections
        config.setIdGenerator(new org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator());
        this.engine = config
                .setJdbcUrl(url).setJdbcUsername("sa").setJdbcPassword("")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(true)
                .buildProcessEngine();
    }

    @Override
    public String name() { return "camunda"; }

    @Override
    public void deploy(Scenario scenario) {
        engine.getRepositoryService().createDeployment()
                .addString(scenario.processId() + ".bpmn", Processes.xml(scenario, Processes.Dialect.CAMUNDA)).deploy();
    }

    @Override
    public String start(Scenario scenario, String businessKey, Map<String, Object> variables) {
        return engine.getRuntimeService().startProcessInstanceByKey(scenario.processId(), businessKey, variables).getId();
    }

    @Override
    public void correlate(String message, String businessKey) {
        engine.getRuntimeService().createMessageCorrelation(message).processInstanceBusinessKey(businessKey).correlate();
    }

    @Override
    public long completed(String processId) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(processId).completed().count();
    }

    @Override
    public long passedThrough(String processId, String elementId) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().activityId(elementId).finished().count();
    }

    @Override
    public String jdbcUrl() { return url; }

    @Override
    public void close() { engine.close(); }
}
