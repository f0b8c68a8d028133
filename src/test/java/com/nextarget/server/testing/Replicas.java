package com.nextarget.server.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Several instances of the real jar on one database, with the same {@code DATABASE_URL} and {@code JWT_SECRET_KEY},
 * behind HAProxy (round robin, no stickiness): the contract's "several instances" as a test sees it. The provider
 * redirect URIs point at the balancer, as they would at the public URL in production. The instances start one after
 * another (the first migrates the database), an instance whose boot fails is restarted once, and all stop on close.
 */
public final class Replicas implements Origin, AutoCloseable {

    private static final Path WORK = Path.of("target", "it-servers").toAbsolutePath();

    private final List<RunningServer> instances;
    private final LoadBalancer balancer;

    private Replicas(List<RunningServer> instances, LoadBalancer balancer) {
        this.instances = instances;
        this.balancer = balancer;
    }

    /**
     * {@code count} instances named {@code <name>-1 ...} with the fake providers, a fresh JWT secret, this database
     * and these further settings.
     */
    public static Replicas start(String name, int count, String databaseUrl, Map<String, String> settings) {
        int balancerPort = RunningServer.freePort();
        Map<String, String> env = new HashMap<>(settings);
        env.put("DATABASE_URL", databaseUrl);
        env.putIfAbsent("JWT_SECRET_KEY", "replicas-" + UUID.randomUUID());
        Map<String, String> withProviders = RunningServer.withProviders(env, "http://127.0.0.1:" + balancerPort);
        List<RunningServer> instances = new ArrayList<>();
        try {
            // one after the other: started together on 2 cores, a boot now and then fails in Payara's own health-check
            // service (a ConcurrentModificationException in HealthCheckService's post-construct); a platform would
            // restart such an instance, and so does this, once
            for (int i = 1; i <= count; i++) {
                instances.add(startOne(name + "-" + i, withProviders));
            }
            LoadBalancer balancer = LoadBalancer.start(WORK.resolve(name + "-balancer"), balancerPort,
                    instances.stream().map(RunningServer::port).toList());
            return new Replicas(List.copyOf(instances), balancer);
        } catch (RuntimeException e) {
            instances.forEach(RunningServer::close);
            throw e;
        }
    }

    private static RunningServer startOne(String name, Map<String, String> settings) {
        RunningServer instance = RunningServer.launch(name, settings);
        try {
            instance.awaitHealthy();
            return instance;
        } catch (IllegalStateException exited) {
            instance.close();
            RunningServer again = RunningServer.launch(name, settings);
            again.awaitHealthy();
            return again;
        }
    }

    /** Through the balancer. */
    @Override
    public URI uri(String pathAndQuery) {
        return balancer.uri(pathAndQuery);
    }

    public LoadBalancer balancer() {
        return balancer;
    }

    public List<RunningServer> instances() {
        return instances;
    }

    /** The instance the balancer calls {@code r<number>}, numbered from 1. */
    public RunningServer instance(int number) {
        return instances.get(number - 1);
    }

    @Override
    public void close() {
        balancer.close();
        instances.forEach(RunningServer::close);
    }
}
