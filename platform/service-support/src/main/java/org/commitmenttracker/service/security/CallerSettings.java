package org.commitmenttracker.service.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tracker.security.*} (beside {@code jwt.*}, {@link TokenSettings}): who a caller is, and how much it may write.
 *
 * @param rolesClaim  claim with the caller's roles (a list or a space-separated string)
 * @param agencyClaim claim with an {@code agency} token's agency
 * @param rateLimit   what one caller may send
 */
@ConfigurationProperties("tracker.security")
@Validated
public record CallerSettings(@DefaultValue("roles") @NotBlank String rolesClaim,
                            @DefaultValue("agency_id") @NotBlank String agencyClaim,
                            @DefaultValue @Valid RateLimit rateLimit) {

    /** @param writesPerSecond write requests per token subject and second, per replica; {@code 429} above */
    public record RateLimit(@DefaultValue("50") @Positive int writesPerSecond) {
    }
}
