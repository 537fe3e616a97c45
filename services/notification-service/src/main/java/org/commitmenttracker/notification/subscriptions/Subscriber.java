package org.commitmenttracker.notification.subscriptions;

import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who is calling: for now the {@value #HEADER} header, trusted as given (authentication is a later issue;
 * until then the service must sit behind a gateway that sets it). Every subscription, alert and delivery is
 * visible to its owner only.
 */
public final class Subscriber {
    public static final String HEADER = "X-Subscriber-Id";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    private Subscriber() {
    }

    /** The owner id from the header value; 401 when it is missing or malformed. */
    public static String of(String header) {
        if (header == null || !VALID.matcher(header).matches()) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Say who you are in the " + HEADER
                    + " header (1 to 128 of A-Z a-z 0-9 . _ : @ -).");
        }
        return header;
    }
}
