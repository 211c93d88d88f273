package dev.baton.engine.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import java.util.function.Function;

/** The engine's database: a connection pool, the schema migrated by Flyway, and jOOQ on top. */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final DSLContext dsl;
    private final SQLDialect dialect;

    /**
     * @param schema a schema to use and create (PostgreSQL), or null for the connection's default
     */
    public Database(String jdbcUrl, String user, String password, String schema, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) config.setUsername(user);
        if (password != null) config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("baton-engine");
        config.setAutoCommit(true);
        if (schema != null) config.setSchema(schema);
        this.dialect = jdbcUrl.startsWith("jdbc:postgresql:") ? SQLDialect.POSTGRES : SQLDialect.H2;
        if (schema != null && dialect == SQLDialect.POSTGRES) createSchema(jdbcUrl, user, password, schema);
        this.pool = new HikariDataSource(config);
        try {
            var flyway = Flyway.configure().dataSource(pool).locations("classpath:db/migration");
            if (schema != null) flyway.schemas(schema).defaultSchema(schema);
            flyway.load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        Settings settings = new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER).withRenderSchema(false)
                .withExecuteLogging(false);
        this.dsl = DSL.using(pool, dialect, settings);
    }

    private static void createSchema(String url, String user, String password, String schema) {
        if (!schema.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new IllegalArgumentException("not a schema name: " + schema);
        try (var c = java.sql.DriverManager.getConnection(url, user, password); var s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + ": " + e.getMessage(), e);
        }
    }

    public DSLContext dsl() { return dsl; }

    public SQLDialect dialect() { return dialect; }

    /** Runs the work in one transaction; an exception rolls it back. */
    public <T> T inTransaction(Function<DSLContext, T> work) {
        return dsl.transactionResult(cfg -> work.apply(cfg.dsl()));
    }

    public boolean isUp() {
        try {
            dsl.selectOne().fetch();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() { pool.close(); }
}
