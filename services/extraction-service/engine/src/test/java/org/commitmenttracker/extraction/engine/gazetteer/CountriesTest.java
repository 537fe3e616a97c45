package org.commitmenttracker.extraction.engine.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The states gazetteer: every UN member state and the usual non-member parties, a name that holds another
 * ("South Sudan", "刚果民主共和国") read as the longer one, and short forms that several states share.
 */
class CountriesTest {
    private static final Countries COUNTRIES = Countries.load("gazetteer/countries.tsv");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Нигерия и Нигер подписали соглашение.|NG NE",
            "Переговоры Нигера и Нигерии прошли в Абудже.|NE NG",
            "South Sudan and Sudan agreed to reopen the border.|SS SD",
            "Papua New Guinea and Guinea established relations.|PG GN",
            "Equatorial Guinea, Guinea-Bissau and Guinea met.|GQ GW GN",
            "The Dominican Republic and Dominica signed a treaty.|DO DM",
            "The Democratic Republic of the Congo and the Republic of the Congo met.|CD CG",
            "刚果民主共和国和刚果共和国签署协议。|CD CG",
            "刚果民主共和国与刚果举行会谈。|CD CG",
            "南苏丹共和国和苏丹共和国恢复通航。|SS SD",
            "几内亚比绍、赤道几内亚和几内亚外长会晤。|GW GQ GN",
            "尼日利亚和尼日尔签署协议。|NG NE",
            "Республика Южный Судан и Республика Судан договорились.|SS SD",
            "The United Kingdom of Great Britain and Northern Ireland and Ireland met.|GB IE",
    })
    void readsANameThatHoldsAnotherAsTheLongerOne(String text, String codes) {
        assertThat(COUNTRIES.namedIn(text)).containsExactlyElementsOf(List.of(codes.split(" ")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "中华人民共和国和乌克兰联合声明|CN UA",
            "Совместное заявление Российской Федерации и Украины|RU UA",
            "Joint Statement between the People's Republic of China and the Federative Republic of Brazil|CN BR",
            "中华人民共和国和新西兰联合声明|CN NZ",
            "中华人民共和国和巴勒斯坦国关于建立战略伙伴关系的联合声明|CN PS",
            "Joint Statement of the Holy See and the State of Palestine|VA PS",
            "Переговоры Республики Корея с Корейской Народно-Демократической Республикой|KR KP",
            "Соглашение между Соединенными Штатами Америки и Египтом|US EG",
            "Talks between the ROK, the DPRK, the UK and the U.S.|KR KP GB US",
            "Соглашение между СССР и Китайской Народной Республикой|SU CN",
            "Договор между Советским Союзом и Индией|SU IN",
    })
    void namesStatesThatWereMissing(String title, String codes) {
        assertThat(COUNTRIES.namedIn(title)).containsExactlyElementsOf(List.of(codes.split(" ")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "阿曼苏丹国苏丹于5月出席会议。|OM",
            "文莱达鲁萨兰国苏丹出席会议。|BN",
            "双方将加强沿海地区合作，推动贸易更加蓬勃发展，更加纳入多边框架。|",
    })
    void readsNoStateInAWordThatHoldsAShortName(String text, String codes) {
        assertThat(COUNTRIES.namedIn(text)).containsExactlyElementsOf(codes == null ? List.of() : List.of(codes.split(" ")));
    }

    @Test
    void listsEveryStateASharedShortFormMayStandFor() {
        assertThat(COUNTRIES.codesOfShortForm('巴')).contains("PK", "BR", "PA", "PS");
        assertThat(COUNTRIES.codesOfShortForm('新')).containsExactly("SG", "NZ");
        assertThat(COUNTRIES.codesOfShortForm('马')).contains("MY", "MV", "ML", "MT");
        assertThat(COUNTRIES.codesOfShortForm('俄')).containsExactly("RU");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "中俄联合声明||CN RU",
            "中巴联合声明|BR|CN BR",
            "中巴联合声明|PK|CN PK",
            "中新联合声明|NZ|CN NZ",
            "中巴联合声明||",
            "中阿合作论坛宣言||",
    })
    void readsASharedShortFormInATitleCompoundOnlyAsAStateTheTextNames(String title, String named, String codes) {
        List<String> namedElsewhere = named == null ? List.of() : List.of(named);

        assertThat(COUNTRIES.compoundAt(title, 0, namedElsewhere))
                .containsExactlyElementsOf(codes == null ? List.of() : List.of(codes.split(" ")));
    }
}
