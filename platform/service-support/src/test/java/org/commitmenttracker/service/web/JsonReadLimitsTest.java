package org.commitmenttracker.service.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.util.unit.DataSize;

import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/** The JSON mapper every service's request bodies are read with (BoundedInputAutoConfiguration). */
class JsonReadLimitsTest {
    private final JsonMapper mapper = mapper(new InputLimits(DataSize.ofKilobytes(64), new InputLimits.Json(32, DataSize.ofKilobytes(8), 64), java.util.List.of()));

    record Report(String note, BigDecimal amount) {
    }

    private static JsonMapper mapper(InputLimits limits) {
        BoundedInputAutoConfiguration configuration = new BoundedInputAutoConfiguration();
        StaticListableBeanFactory customizers = new StaticListableBeanFactory();
        customizers.addBean("unknownFieldsRefused", configuration.unknownFieldsRefused());
        return configuration.jsonMapperBuilder(customizers.getBeanProvider(JsonMapperBuilderCustomizer.class), limits).build();
    }

    @Test
    void withinTheLimitsABodyReads() {
        assertThat(mapper.readValue("{\"note\":\"fine\",\"amount\":12.5}", Report.class)).isEqualTo(new Report("fine", new BigDecimal("12.5")));
        assertThat(mapper.readValue("[".repeat(30) + "]".repeat(30), JsonNode.class)).isNotNull();
    }

    @Test
    void deepLongOrOversizedDocumentsAreRefused() {
        assertThatThrownBy(() -> mapper.readValue("[".repeat(40) + "]".repeat(40), JsonNode.class))
                .isInstanceOf(StreamConstraintsException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"amount\":1" + "0".repeat(99) + "}", Report.class))
                .isInstanceOf(StreamConstraintsException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"note\":\"" + "x".repeat(9 * 1024) + "\"}", Report.class))
                .isInstanceOf(StreamConstraintsException.class);
        assertThatThrownBy(() -> mapper.readValue("[" + "1,".repeat(40 * 1024) + "1]", List.class))
                .isInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void aFieldTheTypeDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> mapper.readValue("{\"note\":\"x\",\"owner\":\"someone-else\"}", Report.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }
}
