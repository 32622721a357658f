package jp.ishigaki.notification.health;

import jakarta.enterprise.context.ApplicationScoped;
import jp.ishigaki.notification.delivery.Dispatcher;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live while the delivery scheduler's loop runs (Kafka and the database have their own readiness checks). */
@Liveness
@ApplicationScoped
public class DispatcherHealthCheck implements HealthCheck {

    private final Dispatcher dispatcher;

    public DispatcherHealthCheck(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("delivery-scheduler").status(dispatcher.isRunning()).build();
    }
}
