package org.commitmenttracker.notification;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The webhook receivers a test opens ({@code @RegisterExtension}), each closed after the test. */
public final class WebhookReceivers implements AfterEachCallback {
    private final List<WebhookReceiver> open = new ArrayList<>();

    /** A new receiver on 127.0.0.1, closed after the test. */
    public WebhookReceiver open() throws IOException {
        WebhookReceiver receiver = new WebhookReceiver();
        open.add(receiver);
        return receiver;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        open.forEach(WebhookReceiver::close);
        open.clear();
    }
}
