package org.commitmenttracker.notification.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import org.commitmenttracker.notification.noise.Digest;
import org.commitmenttracker.notification.subscriptions.SubscriptionRequest.DigestRequest;
import org.junit.jupiter.api.Test;

class PacingRulesTest {

    @Test
    void windowsAreDurationsFromZeroToAnHour() {
        assertThat(PacingRules.groupWindow("0")).isZero();
        assertThat(PacingRules.groupWindow("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(PacingRules.groupWindow("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> PacingRules.groupWindow("soon")).hasMessageContaining("not a duration like 30s");
        assertThatThrownBy(() -> PacingRules.groupWindow("30")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> PacingRules.groupWindow("-PT1S")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> PacingRules.groupWindow("2h")).hasMessageContaining("at most 1h");
    }

    @Test
    void repeatsAreBetweenAnHourAndThirtyDaysOrNever() {
        assertThat(PacingRules.repeatEvery("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(PacingRules.repeatEvery("")).isNull();
        assertThatThrownBy(() -> PacingRules.repeatEvery("5m")).hasMessageContaining("between 1h and 30d");
    }

    @Test
    void digestsNeedAKnownFrequencyALocalTimeAZoneAndForWeeklyADay() {
        assertThat(PacingRules.digest(digest("weekly", "08:00", "Asia/Shanghai", "monday")))
                .isEqualTo(new Digest(Digest.Frequency.WEEKLY, LocalTime.of(8, 0), ZoneId.of("Asia/Shanghai"), DayOfWeek.MONDAY));
        assertThat(PacingRules.digest(digest(null, null, null, null))).as("{} removes it").isNull();
        assertThatThrownBy(() -> PacingRules.digest(digest("hourly", "08:00", "UTC", null))).isInstanceOf(InvalidSubscriptionException.class)
                .hasMessageContaining("digest.frequency: 'hourly' is not a digest frequency; allowed: daily, weekly");
        assertThatThrownBy(() -> PacingRules.digest(digest("daily", "8 am", "UTC", null))).hasMessageContaining("digest.at");
        assertThatThrownBy(() -> PacingRules.digest(digest("daily", "08:00", "Mars/Olympus", null)))
                .hasMessageContaining("digest.zone: 'Mars/Olympus' is not a time zone");
        assertThatThrownBy(() -> PacingRules.digest(digest("weekly", "08:00", "UTC", null))).hasMessageContaining("digest.day");
        assertThatThrownBy(() -> PacingRules.digest(digest("daily", "08:00", "UTC", "monday"))).hasMessageContaining("weekly digests only");
    }

    @Test
    void addressesArePlainAddressesAndLanguagesEnglishOrChinese() {
        assertThat(PacingRules.address("analyst@example.org")).isEqualTo("analyst@example.org");
        for (String bad : new String[]{"analyst", "Analyst <analyst@example.org>", "a@b", "a@example.org, b@example.org", "a b@example.org"}) {
            assertThatThrownBy(() -> PacingRules.address(bad)).as(bad).hasMessageContaining("is not an e-mail address");
        }
        assertThat(PacingRules.language(null)).isEqualTo("en");
        assertThat(PacingRules.language("zh")).isEqualTo("zh");
        assertThatThrownBy(() -> PacingRules.language("fr")).hasMessageContaining("allowed: [en, zh]");
    }

    private static DigestRequest digest(String frequency, String at, String zone, String day) {
        return new DigestRequest(frequency, at, zone, day);
    }
}
