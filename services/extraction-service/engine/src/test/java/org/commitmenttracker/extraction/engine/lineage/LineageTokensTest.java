package org.commitmenttracker.extraction.engine.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineageTokensTest {
    private final LineageTokens tokens = LineageTokens.standard();

    @Test
    void englishWordsMeetInTheirStemsWithoutStopWordsOrPledgeVerbs() {
        assertThat(tokens.tokens("We will continue our cooperation on renewable energies"))
                .isEqualTo(tokens.tokens("the partners reaffirm that they cooperate in renewable energy"))
                .containsExactly("cooper", "renew", "energ", "~clean-energy");
        assertThat(tokens.tokens("resilience")).isEqualTo(tokens.tokens("resilient"));
        assertThat(tokens.tokens("Security")).isEqualTo(tokens.tokens("secure"));
    }

    @Test
    void wordsTheGenreUsesInterchangeablyShareAConceptInEveryLanguage() {
        assertThat(tokens.tokens("immunization campaigns")).contains("~vaccine")
                .doesNotContainAnyElementsOf(tokens.tokens("vaccines").stream().filter(t -> !t.startsWith("~")).toList());
        assertThat(tokens.tokens("Earth observation data")).contains("~space");
        assertThat(tokens.tokens("satellite data")).contains("~space");
        assertThat(tokens.tokens("our next summit")).contains("~summit");
        assertThat(tokens.tokens("вакцинация населения")).contains("~vaccine");
        assertThat(tokens.tokens("双方将加强疫苗合作")).contains("~vaccine");
        assertThat(tokens.tokens("people-to-people ties")).contains("~people-exchange");
        assertThat(tokens.tokens("energy security")).doesNotContain("~space", "~vaccine");
    }

    @Test
    void russianInflectionsShareAStem() {
        assertThat(tokens.tokens("Стороны продолжат сотрудничество в области энергетики"))
                .isEqualTo(tokens.tokens("сотрудничества в области энергетике"));
        assertThat(tokens.tokens("ёлка")).isEqualTo(tokens.tokens("елки"));
    }

    @Test
    void chineseGivesCharacterBigramsAfterFoldingTraditionalAndFullWidthForms() {
        assertThat(tokens.tokens("擴大經貿合作")).isEqualTo(tokens.tokens("扩大经贸合作")).containsExactly("扩大", "大经", "经贸", "贸合", "合作", "~trade");
        assertThat(tokens.tokens("双方将继续深化能源合作")).doesNotContain("双方", "继续").contains("能源");
        assertThat(tokens.tokens("Ｇ２０")).containsExactly("g20");
    }

    @Test
    void chineseNamesOfStatesGiveNoTokens() {
        assertThat(tokens.tokens("中华人民共和国政府与俄罗斯联邦政府间投资协定"))
                .doesNotContain("中华", "人民", "共和", "和国", "国政", "俄罗", "罗斯", "联邦", "邦政").contains("投资", "协定");
        assertThat(tokens.tokens("中俄投资合作委员会")).isEqualTo(tokens.tokens("投资合作委员会"));
        assertThat(tokens.tokens("俄方支持举办博览会")).isEqualTo(tokens.tokens("支持举办博览会"));
        assertThat(tokens.tokens("美好生活")).contains("美好");
    }

    @Test
    void numbersAreKeptAsTheyAreWritten() {
        assertThat(tokens.tokens("by 2030, 150 projects")).containsExactly("2030", "150", tokens.tokens("project").get(0));
    }

    @Test
    void completionIsReportedByResultFormsNotByFutureOnes() {
        assertThat(tokens.reportsCompletion("The joint centre has been opened in both capitals.", "en")).isTrue();
        assertThat(tokens.reportsCompletion("We have connected the two grids.", "en")).isTrue();
        assertThat(tokens.reportsCompletion("The first forum will be held next year.", "en")).isFalse();
        assertThat(tokens.reportsCompletion("We have agreed to open a joint centre.", "en")).isFalse();
        assertThat(tokens.reportsCompletion("Совместный центр успешно запущен.", "ru")).isTrue();
        assertThat(tokens.reportsCompletion("Стороны будут развивать совместный центр.", "ru")).isFalse();
        assertThat(tokens.reportsCompletion("双方已完成联合中心建设。", "zh")).isTrue();
        assertThat(tokens.reportsCompletion("双方将建设联合中心。", "zh")).isFalse();
    }

    @Test
    void deliveryStillGoingOnIsToldByItsCuesInEachLanguage() {
        assertThat(tokens.reportsOngoing("Two stations are built and work on the third is in progress.", "en")).isTrue();
        assertThat(tokens.reportsOngoing("We have trained the first nurses and will continue training them.", "en")).isTrue();
        assertThat(tokens.reportsOngoing("The joint centre has been opened in both capitals.", "en")).isFalse();
        assertThat(tokens.reportsOngoing("Стороны продолжат строительство моста.", "ru")).isTrue();
        assertThat(tokens.reportsOngoing("Мост построен.", "ru")).isFalse();
        assertThat(tokens.reportsOngoing("双方正在建设联合中心。", "zh")).isTrue();
        assertThat(tokens.reportsOngoing("双方已完成联合中心建设。", "zh")).isFalse();
    }
}
