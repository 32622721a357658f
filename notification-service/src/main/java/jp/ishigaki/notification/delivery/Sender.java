package jp.ishigaki.notification.delivery;

import jp.ishigaki.schemas.notification.Channel;
import jp.ishigaki.schemas.notification.NotificationRequest;
import jp.ishigaki.schemas.notification.Recipient;

/** Delivers a notice to one recipient over one channel, within the configured timeout, or throws. */
public interface Sender {

    Channel channel();

    void send(NotificationRequest request, Recipient recipient, int attempt) throws DeliveryException;
}
