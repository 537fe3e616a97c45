package org.commitmenttracker.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/** Which SMTP failures stop an address (5xx: bounce) and which are tried again. */
class EmailChannelTest {

    @Test
    void aRecipientRefusedWith5xxIsPermanent() throws Exception {
        SendFailedException refused = new SendFailedException("Invalid Addresses", null, new Address[0], new Address[0],
                new Address[]{new InternetAddress("gone@example.org")});
        refused.setNextException(new SMTPAddressFailedException(new InternetAddress("gone@example.org"), "RCPT TO:<gone@example.org>",
                550, "550 5.1.1 No such user"));
        EmailChannel.Outcome outcome = EmailChannel.classify(new MailSendException(Map.of(new Object(), refused)));
        assertThat(outcome.permanentFailure()).isTrue();
        assertThat(outcome.reason()).isEqualTo("the mail server refused it: 550 5.1.1 No such user");
    }

    @Test
    void aMessageRefusedWith5xxIsPermanentToo() throws Exception {
        MessagingException refused = new SMTPSendFailedException("DATA", 554, "554 5.7.1 Message rejected", null,
                new Address[0], new Address[0], new Address[0]);
        assertThat(EmailChannel.classify(refused).permanentFailure()).isTrue();
    }

    @Test
    void greylistingAnUnreachableServerOrBadCredentialsAreTransient() throws Exception {
        SendFailedException later = new SendFailedException("Invalid Addresses");
        later.setNextException(new SMTPAddressFailedException(new InternetAddress("busy@example.org"), "RCPT", 450, "450 4.2.0 Greylisted"));
        assertThat(EmailChannel.classify(later).transientFailure()).isTrue();
        assertThat(EmailChannel.classify(new MailSendException("Mail server connection failed")).transientFailure()).isTrue();
        assertThat(EmailChannel.classify(new MailAuthenticationException("535 bad credentials")).transientFailure()).isTrue();
    }
}
