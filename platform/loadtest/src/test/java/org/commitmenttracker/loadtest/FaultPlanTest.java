package org.commitmenttracker.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void allIsEveryFaultWithTheReceiverFirstAndTheStoreOnlyWhenDurable() {
        assertThat(FaultPlan.parse("all", true).labels()).containsExactly("receiver 5xx 10 s", "kill registry", "kill broker",
                "kill store", "kill ingestion", "kill extraction", "kill notification", "pause registry 10 s");
        assertThat(FaultPlan.parse("all", false).labels()).doesNotContain("kill store").hasSize(7);
    }

    @Test
    void aListKeepsItsOrderAndTakesDurations() {
        assertThat(FaultPlan.parse("broker, pause:notification:4,receiver:7,store", true).labels())
                .containsExactly("kill broker", "pause notification 4 s", "receiver 5xx 7 s", "kill store");
    }

    @Test
    void refusesWhatCannotBeInjected() {
        assertThatThrownBy(() -> FaultPlan.parse("store", false)).hasMessageContaining("--store h2");
        assertThatThrownBy(() -> FaultPlan.parse("pause:broker", true)).hasMessageContaining("pause:SERVICE");
        assertThatThrownBy(() -> FaultPlan.parse("registry:5", true)).hasMessageContaining("takes no argument");
        assertThatThrownBy(() -> FaultPlan.parse("dns", true)).hasMessageContaining("unknown fault");
        assertThatThrownBy(() -> LoadOptions.parse("--faults", "registry", "--target",
                "ingestion=http://a,extraction=http://b,registry=http://c,notification=http://d"))
                .hasMessageContaining("--target");
    }
}
