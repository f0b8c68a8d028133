package com.nextarget.server.db;

import com.nextarget.server.config.DatabaseUrl;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The database: a pooled DataSource for {@code DATABASE_URL}, migrated by Flyway at start-up, and the JPA
 * EntityManagerFactory on top of it. The application creates the persistence unit itself (resource-local,
 * from {@code META-INF/nextarget-persistence.xml}) so that the container never binds it to its own default
 * data source, and so that the same WAR runs on SQLite or PostgreSQL without server configuration.
 */
@ApplicationScoped
public class Database {

    private static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;

    @Inject
    @ConfigProperty(name = "DATABASE_URL")
    Optional<String> databaseUrlSetting;

    private DatabaseUrl url;
    private HikariDataSource dataSource;
    private EntityManagerFactory entityManagerFactory;

    /** Migrates at deployment, before the first request, so that a broken database fails the start. */
    void migrateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
        entityManagerFactory();
    }

    public synchronized DatabaseUrl url() {
        if (url == null) {
            url = DatabaseUrl.parse(databaseUrlSetting);
        }
        return url;
    }

    @Produces
    public synchronized EntityManagerFactory entityManagerFactory() {
        if (entityManagerFactory == null) {
            dataSource = openDataSource(url());
            Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/" + (url().kind() == DatabaseUrl.Kind.SQLITE ? "sqlite" : "postgresql"))
                    .load()
                    .migrate();
            entityManagerFactory = Persistence.createEntityManagerFactory("nextarget", Map.of(
                    "eclipselink.persistencexml", "META-INF/nextarget-persistence.xml",
                    "jakarta.persistence.nonJtaDataSource", dataSource,
                    "eclipselink.target-database", url().kind() == DatabaseUrl.Kind.SQLITE
                            ? "org.eclipse.persistence.platform.database.DatabasePlatform"
                            : "org.eclipse.persistence.platform.database.PostgreSQLPlatform"));
        }
        return entityManagerFactory;
    }

    private static HikariDataSource openDataSource(DatabaseUrl url) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("nextarget");
        if (url.kind() == DatabaseUrl.Kind.SQLITE) {
            url.sqliteFile().map(Path::toAbsolutePath).map(Path::getParent).ifPresent(Database::createDirectories);
            config.setDataSource(sqlite(url));
            config.setMaximumPoolSize(4);
        } else {
            config.setDataSource(postgresql(url));
            config.setMaximumPoolSize(8);
        }
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }

    private static SQLiteDataSource sqlite(DatabaseUrl url) {
        SQLiteConfig config = new SQLiteConfig();
        // WAL lets readers run beside the one writer; the busy timeout makes concurrent logins wait instead of
        // failing with SQLITE_BUSY (PAYARA-NOTES: busy_timeout in the URL is ignored, the property works).
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        // BEGIN IMMEDIATE: a write transaction takes the lock up front, where the busy timeout applies
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url.jdbcUrl());
        return dataSource;
    }

    /**
     * The driver's own DataSource rather than a JDBC URL: DriverManager, which a URL goes through, does not see a driver
     * that lives in the WAR's class loader ("No suitable driver").
     */
    private static PGSimpleDataSource postgresql(DatabaseUrl url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url.jdbcUrl());
        url.user().ifPresent(dataSource::setUser);
        url.password().ifPresent(dataSource::setPassword);
        return dataSource;
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database directory " + directory, e);
        }
    }

    @PreDestroy
    synchronized void close() {
        if (entityManagerFactory != null) {
            entityManagerFactory.close();
        }
        if (dataSource != null) {
            dataSource.close();
        }
        deregisterOwnDrivers();
    }

    /**
     * The JDBC drivers in the WAR register themselves with DriverManager when first used; left registered at
     * undeploy, the container deregisters them itself with a warning per driver ("failed to unregister").
     */
    private static void deregisterOwnDrivers() {
        ClassLoader ours = Database.class.getClassLoader();
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == ours) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException e) {
                    // cannot happen for a registered driver; the container would deregister it anyway
                }
            }
        }
    }
}
