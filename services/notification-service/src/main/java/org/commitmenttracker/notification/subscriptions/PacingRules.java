package org.commitmenttracker.notification.subscriptions;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.commitmenttracker.notification.noise.Digest;
import org.commitmenttracker.notification.subscriptions.SubscriptionRequest.DigestRequest;

/**
 * Reads the e-mail channel and the pacing of a subscription request, refusing anything unclear with a detail
 * that says what to fix: addresses that are not a single plain address, languages other than {@code en} and
 * {@code zh}, windows and intervals that are not durations or out of range, unknown digest frequencies, times
 * and time zones. Pure: no store, no Spring.
 */
public final class PacingRules {
    public static final Set<String> LANGUAGES = Set.of("en", "zh");
    static final Duration MAX_GROUP_WINDOW = Duration.ofHours(1);
    static final Duration MIN_REPEAT = Duration.ofHours(1);
    static final Duration MAX_REPEAT = Duration.ofDays(30);
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)?");

    private PacingRules() {
    }

    /** A plain address ({@code name@example.org}), at most 254 characters, no display name or list. */
    public static String address(String address) {
        SubscriptionRules.printable("email", address);
        if (address.length() > 254) {
            throw new InvalidSubscriptionException("email is longer than 254 characters.");
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            if (parsed.getPersonal() != null || !parsed.getAddress().equals(address.strip())
                    || !parsed.getAddress().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw new AddressException("not a plain address");
            }
            return parsed.getAddress();
        } catch (AddressException e) {
            throw new InvalidSubscriptionException("email: '" + address + "' is not an e-mail address like name@example.org.");
        }
    }

    public static String language(String language) {
        if (language == null) {
            return "en";
        }
        if (!LANGUAGES.contains(language)) {
            throw new InvalidSubscriptionException("language: '" + language + "' is not supported; allowed: " + new TreeSet<>(LANGUAGES) + ".");
        }
        return language;
    }

    /** A grouping window between 0 (each alert at once) and an hour (longer is what digests are for). */
    public static Duration groupWindow(String window) {
        Duration parsed = duration("groupWindow", window);
        if (parsed.compareTo(MAX_GROUP_WINDOW) > 0) {
            throw new InvalidSubscriptionException("groupWindow: at most 1h; for longer use a daily or weekly digest.");
        }
        return parsed;
    }

    /** A repeat interval for overdue commitments; {@code ""} means never (null). */
    public static Duration repeatEvery(String interval) {
        if (interval.isEmpty()) {
            return null;
        }
        Duration parsed = duration("repeatEvery", interval);
        if (parsed.compareTo(MIN_REPEAT) < 0 || parsed.compareTo(MAX_REPEAT) > 0) {
            throw new InvalidSubscriptionException("repeatEvery: between 1h and 30d, or \"\" for never.");
        }
        return parsed;
    }

    /** A digest; an empty object (in a PATCH) removes it: null. */
    public static Digest digest(DigestRequest request) {
        if (request.empty()) {
            return null;
        }
        Digest.Frequency frequency = Arrays.stream(Digest.Frequency.values())
                .filter(f -> f.name().equalsIgnoreCase(String.valueOf(request.frequency()))).findFirst()
                .orElseThrow(() -> new InvalidSubscriptionException("digest.frequency: '" + request.frequency()
                        + "' is not a digest frequency; allowed: daily, weekly."));
        LocalTime at;
        try {
            at = LocalTime.parse(String.valueOf(request.at()));
        } catch (DateTimeParseException e) {
            throw new InvalidSubscriptionException("digest.at: '" + request.at() + "' is not a local time like 08:00.");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(String.valueOf(request.zone()));
        } catch (DateTimeException e) {
            throw new InvalidSubscriptionException("digest.zone: '" + request.zone()
                    + "' is not a time zone like Asia/Shanghai, Europe/Moscow or UTC.");
        }
        DayOfWeek day = null;
        if (frequency == Digest.Frequency.WEEKLY) {
            day = Arrays.stream(DayOfWeek.values()).filter(d -> d.name().equalsIgnoreCase(String.valueOf(request.day())))
                    .findFirst().orElseThrow(() -> new InvalidSubscriptionException("digest.day: '" + request.day()
                            + "' is not a day of the week like monday; a weekly digest needs one."));
        } else if (request.day() != null) {
            throw new InvalidSubscriptionException("digest.day applies to weekly digests only.");
        }
        return new Digest(frequency, at, zone, day);
    }

    /** {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}, {@code 0}, or ISO-8601 ({@code PT30S}); never negative. */
    static Duration duration(String field, String text) {
        Matcher simple = SIMPLE_DURATION.matcher(text.strip());
        try {
            Duration parsed;
            if (simple.matches()) {
                long amount = Long.parseLong(simple.group(1));
                String unit = simple.group(2);
                if (unit == null && amount != 0) {
                    throw new DateTimeParseException("no unit", text, 0);
                }
                parsed = switch (unit == null ? "s" : unit) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            } else {
                parsed = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
            }
            if (parsed.isNegative()) {
                throw new DateTimeParseException("negative", text, 0);
            }
            return parsed;
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new InvalidSubscriptionException(field + ": '" + text + "' is not a duration like 30s, 5m, 2h or PT30S.");
        }
    }
}
