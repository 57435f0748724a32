package no.fristed.cluster;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A cluster instance is ready for chats only while it hears the chat bus; a load balancer should route elsewhere. */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "fristed.cluster.enabled", stringValue = "true")
public class ChatBusReadiness implements HealthCheck {

    private final RedisChatBus bus;

    ChatBusReadiness(RedisChatBus bus) {
        this.bus = bus;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Chat bus").status(bus.subscribed()).build();
    }
}
