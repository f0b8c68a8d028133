package com.nextarget.server.ops;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * Reads the endpoint templates from Jersey's resource model once the application is initialised (the only place
 * that knows every {@code @Path}, sub-resources included) and hands them to {@link RequestObserver}. Jersey is
 * Payara's JAX-RS implementation; another server would need another source of templates here.
 */
@Provider
public class RouteCollector implements ApplicationEventListener {

    @Override
    public void onEvent(ApplicationEvent event) {
        if (event.getType() == ApplicationEvent.Type.INITIALIZATION_FINISHED) {
            List<String> templates = new ArrayList<>();
            for (Resource resource : event.getResourceModel().getRootResources()) {
                collect(resource, "", templates);
            }
            CDI.current().select(RequestObserver.class).get().routes(new RouteTemplates(templates));
        }
    }

    private static void collect(Resource resource, String parent, List<String> templates) {
        String path = RouteTemplates.join(parent, resource.getPath());
        if (!resource.getResourceMethods().isEmpty()) {
            templates.add(path);
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, templates);
        }
    }

    @Override
    public RequestEventListener onRequest(RequestEvent requestEvent) {
        return null;
    }
}
