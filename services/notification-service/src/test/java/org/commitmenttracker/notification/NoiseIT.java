package org.commitmenttracker.notification;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.commitmenttracker.notification.email.TestMail;
import org.commitmenttracker.testsupport.MutableClock;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One context for the e-mail and noise-control integration tests: the real broker and store, a real SMTP
 * server ({@link TestMail}), a clock tests can move, and a consumer group of its own (so that its events are
 * handled here, whatever other test contexts run).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@UsesTestStack(database = "notification-noise-it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.mail.host=127.0.0.1",
        "tracker.alerts.batch-sweep-interval=1s",
        "tracker.email.retry-delay=2s",
        "tracker.email.bounce-domain=bounces.example.org",
        "spring.cloud.stream.bindings.alertOnStatusChange-in-0.group=notification-noise-it",
        "spring.cloud.stream.bindings.alertOnDeadline-in-0.group=notification-noise-it"})
@Import(NoiseIT.TestMailAndClock.class)
public @interface NoiseIT {

    @TestConfiguration
    class TestMailAndClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }

        /** Boot's sender, on the test SMTP server's port (tests may point it elsewhere for a while). */
        @Bean
        JavaMailSenderImpl testMailSender() {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(TestMail.port());
            sender.setDefaultEncoding("UTF-8");
            return sender;
        }
    }
}
