package jp.ishigaki.notification.webhook;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jp.ishigaki.notification.config.WebhookConfig;
import jp.ishigaki.notification.delivery.DeliveryException;
import jp.ishigaki.notification.delivery.RecipientKey;
import jp.ishigaki.notification.delivery.Sender;
import jp.ishigaki.notification.notice.Notices;
import jp.ishigaki.schemas.notification.Channel;
import jp.ishigaki.schemas.notification.NotificationRequest;
import jp.ishigaki.schemas.notification.Recipient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * POSTs a notice to a configured webhook endpoint (the recipient's address is the endpoint's name), signed when the
 * endpoint has a secret. Errors name the endpoint, never its URL: Slack and Teams URLs are credentials themselves.
 */
@ApplicationScoped
public class WebhookSender implements Sender {

    private final WebhookConfig config;
    private final Clock clock;
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    public WebhookSender(WebhookConfig config) {
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public void send(NotificationRequest request, Recipient recipient, int attempt) throws DeliveryException {
        String name = recipient.address() == null ? "" : recipient.address().trim();
        WebhookConfig.Endpoint endpoint = config.endpoints().get(name);
        if (endpoint == null) {
            throw new DeliveryException("no webhook endpoint named '" + Notices.oneLine(name) + "' is configured", true);
        }
        Instant now = clock.instant();
        byte[] body = WebhookPayloads.body(endpoint.format(), request, Notices.of(request, recipient), attempt, now);
        URI url;
        try {
            url = URI.create(endpoint.url());
            if (!"https".equalsIgnoreCase(url.getScheme()) && !"http".equalsIgnoreCase(url.getScheme())) {
                throw new IllegalArgumentException("not http(s)");
            }
        } catch (IllegalArgumentException e) {
            throw new DeliveryException("webhook " + name + ": the configured url is not a valid URI", true);
        }
        HttpRequest.Builder call = HttpRequest.newBuilder(url)
                .timeout(endpoint.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Ishigaki-Notification/1")
                .header("X-Ishigaki-Notification-Id", Notices.oneLine(request.id()))
                .header("X-Ishigaki-Delivery", Notices.oneLine(request.id()) + "/" + RecipientKey.of(recipient))
                .header("X-Ishigaki-Attempt", Integer.toString(attempt))
                .header(Signature.TIMESTAMP_HEADER, Long.toString(now.getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        endpoint.secret().filter(s -> !s.isBlank()).ifPresent(secret -> call.header(Signature.HEADER, Signature.of(secret, body)));
        HttpResponse<Void> response;
        try {
            response = client(name, endpoint).send(call.build(), HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            throw new DeliveryException("webhook " + name + ": timed out after " + endpoint.timeout().toMillis() + " ms", false);
        } catch (IOException e) {
            throw new DeliveryException("webhook " + name + ": " + e.getClass().getSimpleName(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("webhook " + name + ": interrupted", false);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        boolean permanent = status / 100 == 4 && status != 408 && status != 429;
        Log.debugf("webhook %s answered HTTP %d", name, status);
        throw new DeliveryException("webhook " + name + ": HTTP " + status, permanent);
    }

    private HttpClient client(String name, WebhookConfig.Endpoint endpoint) {
        return clients.computeIfAbsent(name, n -> HttpClient.newBuilder()
                .connectTimeout(endpoint.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }
}
