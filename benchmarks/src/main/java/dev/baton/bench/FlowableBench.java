package dev.baton.bench;

import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.runtime.Execution;

import java.nio.file.Path;
import java.util.Map;

/** Flowable embedded: standalone configuration on an H2 file database, full history, default async executor. */
final class FlowableBench implements BenchEngine {
    private final ProcessEngine engine;
    private final String url;

    FlowableBench(Path dir) {
        this.url = BenchEngine.h2Url(dir, "flowable");
        ProcessEngineConfiguration config = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
        // UUIDs as the Spring Boot starter sets them, like Camunda here
        ((org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl) config).setIdGenerator(
                new org.flowable.common.engine.impl.persistence.StrongUuidGenerator());
        this.engine = config
                .setJdbcUrl(url).setJdbcUsername("sa").setJdbcPassword("").setJdbcDriver("org.h2.Driver")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistoryLevel(HistoryLevel.FULL)
                .setAsyncExecutorActivate(true)
                .buildProcessEngine();
    }

    @Override
    public String name() { return "flowable"; }

    @Override
    public void deploy(Scenario scenario) {
        engine.getRepositoryService().createDeployment()
                .addString(scenario.processId() + ".bpmn20.xml", Processes.xml(scenario, Processes.Dialect.FLOWABLE)).deploy();
    }

    @Override
    public String start(Scenario scenario, String businessKey, Map<String, Object> variables) {
        return engine.getRuntimeService().startProcessInstanceByKey(scenario.processId(), businessKey, variables).getId();
    }

    @Override
    public void correlate(String message, String businessKey) {
        Execution waiting = engine.getRuntimeService().createExecutionQuery().messageEventSubscriptionName(message)
                .processInstanceBusinessKey(businessKey, true).singleResult();
        if (waiting == null) throw new IllegalStateException("No Flowable execution waits for " + message + " with business key " + businessKey);
        engine.getRuntimeService().messageEventReceived(message, waiting.getId());
    }

    @Override
    public long completed(String processId) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(processId).finished().count();
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
