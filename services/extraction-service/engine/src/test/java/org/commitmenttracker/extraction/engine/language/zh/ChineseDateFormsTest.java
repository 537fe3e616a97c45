package org.commitmenttracker.extraction.engine.language.zh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.commitmenttracker.extraction.engine.TimeSpan;
import org.commitmenttracker.extraction.engine.language.Lexicon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseDateFormsTest {
    private static final LocalDate DOCUMENT = LocalDate.of(2022, 12, 5);

    private final ChineseDateForms forms = new ChineseDateForms(Lexicon.load("language/zh/lexicon.txt"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {
            "实施2023—2027年规划, 2023—2027年, 2023-01-01, 2027-12-31, false",
            "the 2023–2027 plan, 2023–2027, 2023-01-01, 2027-12-31, false",
            "规划（2018—2024年）, 2018—2024年, 2018-01-01, 2024-12-31, false",
            "于2022年12月14—20日举行, 2022年12月14—20日, 2022-12-14, 2022-12-20, false",
            "1994年1月27日签署, 1994年1月27日, 1994-01-27, 1994-01-27, true",
            "2030年前战略, 2030年前, null, 2029-12-31, false",
            "力争到2030年达到, 到2030年, null, 2030-12-31, false",
            "于2024年至2025年举办, 2024年至2025年, 2024-01-01, 2025-12-31, false",
            "2025年底前完成, 2025年底前, null, 2025-12-31, false",
            "2023年3月举行, 2023年3月, 2023-03-01, 2023-03-31, false",
            "今年9月16日举行, 今年9月16日, 2022-09-16, 2022-09-16, true",
            "11月1日以视频方式, 11月1日, 2022-11-01, 2022-11-01, true",
            "今年举行, 今年, 2022-01-01, 2022-12-31, false",
            "明年举行, 明年, 2023-01-01, 2023-12-31, false",
            "去年举行, 去年, 2021-01-01, 2021-12-31, true",
            // years, months and days in Chinese numerals
            "于二〇二三年十一月举行, 二〇二三年十一月, 2023-11-01, 2023-11-30, false",
            "二零二四年三月二十一日签署, 二零二四年三月二十一日, 2024-03-21, 2024-03-21, false",
            "二〇二四年底前完成, 二〇二四年底前, null, 2024-12-31, false",
            "二〇二五年举办, 二〇二五年, 2025-01-01, 2025-12-31, false",
            // halves of a year, the end of a relative year, before a month
            "2024年上半年举行, 2024年上半年, 2024-01-01, 2024-06-30, false",
            "明年上半年举行, 明年上半年, 2023-01-01, 2023-06-30, false",
            "明年下半年举行, 明年下半年, 2023-07-01, 2023-12-31, false",
            "明年底前完成, 明年底前, null, 2023-12-31, false",
            "今年年底前完成, 今年年底前, null, 2022-12-31, false",
            "2024年6月前启动, 2024年6月前, null, 2024-05-31, false",
            // a range of days with the day written after both numbers
            "于2022年12月5日至7日访问, 2022年12月5日至7日, 2022-12-05, 2022-12-07, false",
            "11月28日至30日举行, 11月28日至30日, 2022-11-28, 2022-11-30, true",
    })
    void resolvesEachFormToAnInclusiveDayRange(String text, String expression, LocalDate start, LocalDate end, boolean past) {
        assertThat(forms.find(text, text, DOCUMENT)).containsExactly(
                new TimeSpan(expression, start, end, past, text.indexOf(expression), text.indexOf(expression) + expression.length()));
    }

    @Test
    void datesAVisitOfSeveralDaysByItsLastDay() {
        assertThat(forms.firstFullDate("于2024年7月9日至15日对中国进行正式访问")).contains(LocalDate.of(2024, 7, 15));
        assertThat(forms.firstFullDate("于2024年7月9日对中国进行正式访问")).contains(LocalDate.of(2024, 7, 9));
    }

    @Test
    void ignoresNumbersThatAreNoDates() {
        assertThat(forms.find("第27次会晤，5G网络，滨海1号，2022年2月30日，12345年", "第27次会晤，5G网络，滨海1号，2022年2月30日，12345年", DOCUMENT))
                .isEmpty();
        String numerals = "第一次会晤，统一大市场，一带一路，三年来，十二月三十二日";
        assertThat(forms.find(numerals, numerals, DOCUMENT)).isEmpty();
    }

    @Test
    void leavesRelativeFormsUnresolvedWithoutADocumentDate() {
        assertThat(forms.find("明年举行", "明年举行", null)).containsExactly(new TimeSpan("明年", null, null, false, 0, 2));
    }

    @Test
    void readsTheFirstFullDateAndADateline() {
        assertThat(forms.firstFullDate("双方于2022年12月5日举行会晤，2023年再见")).contains(LocalDate.of(2022, 12, 5));
        assertThat(forms.dateline("新华社北京11月30日电 记者")).map(Object::toString).contains("--11-30");
    }
}
