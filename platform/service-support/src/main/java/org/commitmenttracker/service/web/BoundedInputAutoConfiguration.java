package org.commitmenttracker.service.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounded input on every service ({@link InputLimits}): a request body over the limit is refused before it is
 * parsed, and the JSON mapper Boot builds (request bodies, {@code JsonMapper} injected into controllers) reads no
 * longer document, deeper nesting, longer string or number than the limits, and refuses fields the target type
 * does not have instead of dropping them. Events keep their own mapper ({@code EventCodec}).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@EnableConfigurationProperties(InputLimits.class)
public class BoundedInputAutoConfiguration {

    /** Boot's builder (its customizers, in their order), on a factory with the read constraints. */
    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    JsonMapper.Builder jsonMapperBuilder(ObjectProvider<JsonMapperBuilderCustomizer> customizers, InputLimits limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxDocumentLength(limits.maxRequestBody().toBytes())
                .maxNestingDepth(limits.json().maxNestingDepth())
                .maxStringLength((int) Math.min(limits.json().maxStringLength().toBytes(), Integer.MAX_VALUE))
                .maxNumberLength(limits.json().maxNumberLength())
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
    }

    /** Last, after Boot's own {@code spring.jackson.*} settings: a misspelt or server-owned field is the client's error. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    JsonMapperBuilderCustomizer unknownFieldsRefused() {
        return builder -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Right after the trace filter: before authentication, so an anonymous endpoint is bounded too. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(InputLimits limits) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(limits.maxRequestBody().toBytes(), limits.streamedBodies()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
