package org.commitmenttracker.ingestion.withdrawal;

import org.commitmenttracker.ingestion.communique.CommuniqueViews.CommuniqueView;
import org.commitmenttracker.service.security.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;

/** {@code DELETE /api/communiques/{id}}: withdraws a communiqué (it stays stored, marked WITHDRAWN). */
@RestController
@RequestMapping("/api/communiques")
@Tag(name = "communiqués")
public class WithdrawalController {
    private final CommuniqueWithdrawal withdrawal;

    public WithdrawalController(CommuniqueWithdrawal withdrawal) {
        this.withdrawal = withdrawal;
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Withdraw a communiqué (wrongly uploaded or retracted); idempotent; the uploader or an operator")
    public CommuniqueView withdraw(@PathVariable String id,
                                   @RequestParam(defaultValue = "withdrawn") @Size(max = 500) String reason,
                                   @AuthenticationPrincipal Caller caller) {
        // Who withdrew is the token's subject, never a value the request could choose.
        return CommuniqueView.of(withdrawal.withdraw(id, reason.strip(), caller));
    }
}
