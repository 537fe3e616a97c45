package org.commitmenttracker.extraction.engine.language.ru;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;

import org.commitmenttracker.extraction.engine.Commitment;
import org.commitmenttracker.extraction.engine.CommuniqueAnalysis;
import org.commitmenttracker.extraction.engine.CommuniqueAnalyzer;
import org.commitmenttracker.extraction.engine.DocumentMetadata;
import org.commitmenttracker.extraction.engine.SourceDocument;
import org.commitmenttracker.extraction.engine.TimeSpan;
import org.commitmenttracker.extraction.engine.gazetteer.Countries;
import org.commitmenttracker.extraction.engine.language.DateForms;
import org.commitmenttracker.extraction.engine.language.LanguageProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Russian communiqués: parts and bullets, cues and what is not one, parties and organisations, every date form. */
class RussianProfileTest {
    private static final LocalDate DOCUMENT = LocalDate.of(2023, 3, 21);
    private static final DateForms DATES = LanguageProfiles.standard(Countries.load("gazetteer/countries.tsv"))
            .forCode("ru").orElseThrow().dates();

    private final CommuniqueAnalyzer analyzer = new CommuniqueAnalyzer();

    private List<Commitment> commitments(String text) {
        return analyzer.analyze(new SourceDocument("ru-test", text, null, "ru", DOCUMENT)).commitments();
    }

    @Test
    void readsRomanPartsNumberedParagraphsAndEveryBulletUnderAnAgreement() {
        String text = """
                Совместное заявление Российской Федерации и Китайской Народной Республики
                Российская Федерация и Китайская Народная Республика (далее – Стороны) заявляют следующее.
                I. Торговля
                Стороны договорились:
                — наращивать взаимную торговлю;
                – развивать электронную торговлю;
                • упрощать таможенные процедуры.
                II. Гуманитарные связи
                1. Стороны отмечают рост туристических обменов.
                2. Стороны будут развивать сотрудничество в области образования.
                """;

        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("ru-1", text));

        assertThat(analysis.document().language()).isEqualTo("ru");
        assertThat(analysis.document().parties()).containsExactly("RU", "CN");
        assertThat(analysis.commitments()).extracting(Commitment::kind, Commitment::section, Commitment::text).containsExactly(
                tuple(Commitment.Kind.BULLET, 1, "наращивать взаимную торговлю;"),
                tuple(Commitment.Kind.BULLET, 1, "развивать электронную торговлю;"),
                tuple(Commitment.Kind.BULLET, 1, "упрощать таможенные процедуры."),
                tuple(Commitment.Kind.NARRATIVE, 2, "Стороны будут развивать сотрудничество в области образования."));
        assertThat(analysis.commitments().get(2).topics()).contains("customs");
        assertThat(analysis.commitments().get(3).topics()).contains("education");
    }

    @Test
    void readsRomanPartsWithoutTheirDotOnLinesOfTheirOwn() {
        String text = """
                Совместное заявление Российской Федерации и Китайской Народной Республики
                Российская Федерация и Китайская Народная Республика (далее – Стороны) заявляют о следующем.
                I
                Стороны будут развивать сотрудничество в рамках этапа II программы.
                II
                Стороны продолжат консультации по вопросам безопасности.
                """;

        assertThat(commitments(text)).extracting(Commitment::section, Commitment::text).containsExactly(
                tuple(1, "Стороны будут развивать сотрудничество в рамках этапа II программы."),
                tuple(2, "Стороны продолжат консультации по вопросам безопасности."));
    }

    @Test
    void readsItemsNumberedWithAParenthesisAfterALeadInOpenedByAPurposePhrase() {
        String text = """
                Декларация глав государств – членов Организации
                1. Государства-члены будут совершенствовать систему коллективной безопасности.
                2. В целях укрепления доверия государства-члены намерены:
                1) провести совместные учения в 2025 году;
                2) расширить подготовку кадров.
                3. Государства-члены приветствуют итоги года.
                """;

        assertThat(commitments(text)).extracting(Commitment::kind, Commitment::section, Commitment::text).containsExactly(
                tuple(Commitment.Kind.NARRATIVE, 1, "Государства-члены будут совершенствовать систему коллективной безопасности."),
                tuple(Commitment.Kind.BULLET, 2, "провести совместные учения в 2025 году;"),
                tuple(Commitment.Kind.BULLET, 2, "расширить подготовку кадров."));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Стороны будут углублять сотрудничество в энергетике.",
            "Стороны намерены расширять взаимные инвестиции.",
            "Стороны подтверждают готовность содействовать прямым контактам регионов.",
            "Стороны договорились провести следующую встречу в Пекине.",
            "Стороны также продолжат координацию в рамках ШОС.",
            "Российская сторона будет содействовать участию китайских компаний в выставке.",
    })
    void findsACommitmentForEachCue(String sentence) {
        assertThat(commitments(sentence)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Стороны приветствуют итоги визита.",
            "Стороны отмечают, что товарооборот будет расти.",
            "Стороны напоминают о договоренностях 2019 года.",
            "Стороны с удовлетворением отмечают рост торговли.",
            "Стороны высоко оценивают работу комиссий.",
            "Стороны высоко оценили итоги перекрестного года культуры.",
            "Стороны призвали международное сообщество содействовать урегулированию.",
            "Стороны обсудили ход реализации совместных проектов.",
            "Представители двух стран отметили рост торговли.",
            "Правительства двух стран в прошлом году подписали соглашение.",
            "На встрече Стороны обсудили вопросы энергетики.",
            "В документе, который Стороны подготовят, будут учтены интересы регионов.",
    })
    void findsNoCommitmentInStatementsOfFactOrWelcome(String sentence) {
        assertThat(commitments(sentence)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "В 2019 году Стороны договорились расширить торговлю зерном.",
            "В прошлом году Стороны подтвердили намерение открыть новые авиарейсы.",
            "На прошлой встрече Стороны договорились создать совместный фонд.",
            "Как было условлено в Совместном заявлении 2018 года, Стороны решили ежегодно проводить форум.",
            "Когда проект был запущен, Стороны обязались делиться результатами исследований.",
    })
    void readsAPastPledgeItsSentencePlacesInAnEarlierTimeAsARecount(String sentence) {
        assertThat(commitments(sentence)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Стороны договорились создать совместный фонд.",
            "В этом году Стороны договорились открыть новые авиарейсы.",
            "Подтверждая ранее достигнутые договоренности, Стороны договорились создать совместный фонд.",
            "Как было условлено в 2018 году, Стороны будут ежегодно проводить форум.",
    })
    void keepsThisMeetingsPledgesAndFuturePledgesAfterARecount(String sentence) {
        assertThat(commitments(sentence)).extracting(Commitment::text).containsExactly(sentence);
    }

    @Test
    void bindsEachSideAndMapsOrganisations() {
        List<Commitment> found = commitments("Совместное заявление России и Китая\n"
                + "Китайская сторона будет поддерживать ЕАЭС.\nРоссийская сторона намерена поддержать председательство КНР в ШОС, БРИКС и «Группе двадцати».\n");

        assertThat(found).extracting(Commitment::parties).containsExactly(List.of("CN"), List.of("RU"));
        assertThat(found.get(1).organisations()).containsExactly("SCO", "BRICS", "G20");
        assertThat(found.get(1).instruments()).isEmpty();
    }

    @Test
    void bindsTheSideOfAStateOutsideTheOldGazetteer() {
        CommuniqueAnalysis analysis = analyzer.analyze(new SourceDocument("ru-ua", "Совместное заявление Российской Федерации и Украины\n"
                + "Украинская сторона будет развивать сотрудничество в энергетике.\nРоссийская и украинская стороны проведут консультации.\n",
                null, "ru", DOCUMENT));

        assertThat(analysis.document().parties()).containsExactly("RU", "UA");
        assertThat(analysis.commitments()).extracting(Commitment::parties).containsExactly(List.of("UA"), List.of("RU", "UA"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Казахстан и Россия продолжат наращивать поставки зерна.",
            "Республика Казахстан и Российская Федерация будут развивать транспортные коридоры.",
            "Президенты Республики Казахстан и Российской Федерации подтверждают нацеленность на рост товарооборота.",
            "Лидеры двух стран сохраняют приверженность диалогу по вопросам энергетики.",
            "Главы государств, отмечая рост взаимной торговли, договорились провести встречу в Астане.",
            "Стороны рассматривают ЕАЭС как важную площадку и будут укреплять ее потенциал.",
            "Главы государств одобрили Программу, согласно которой обе страны проведут ежегодные консультации.",
            "Подтверждена готовность расширять обмены студентами.",
            "Стороны предпримут шаги по упрощению визового режима.",
            "Российская и казахстанская стороны будут укреплять сотрудничество в энергетике.",
            "Правительства двух стран обеспечат реализацию программы развития приграничных регионов.",
            "Компетентные органы Сторон продолжат взаимодействие в борьбе с преступностью.",
            "Министерства иностранных дел двух государств проведут консультации по вопросам безопасности.",
            "Правительства Казахстана и России примут меры по упрощению таможенных процедур.",
            "Стороны подтвердили намерение наращивать взаимные инвестиции.",
            "Стороны поручили межправительственной комиссии подготовить план действий.",
            "Стороны выразили решимость углублять гуманитарные связи.",
            "В 2025 году Стороны проведут перекрестный год образования.",
            "Правительствам двух стран поручено подготовить план развития приграничных регионов.",
    })
    void takesTheWholeSentenceOfEachPledgeWithEveryStateItNames(String sentence) {
        List<Commitment> found = analyzer.analyze(new SourceDocument("ru-pledge",
                "Совместное заявление Республики Казахстан и Российской Федерации\n" + sentence, null, "ru", DOCUMENT)).commitments();

        assertThat(found).extracting(Commitment::text).containsExactly(sentence);
        assertThat(found.get(0).parties()).containsExactlyInAnyOrder("KZ", "RU");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Стороны будут соблюдать положения Договора о дружбе и сотрудничестве в целях укрепления доверия.|Договора о дружбе и сотрудничестве",
            "Стороны подтверждают приверженность целям и принципам Устава ООН во всей их полноте.|Устава ООН",
            "Стороны будут выполнять Программу совместных действий на 2025 – 2027 годы.|Программу совместных действий на 2025 – 2027 годы",
            "Стороны продолжат работу в Организации Договора о коллективной безопасности.|",
            "Стороны будут соблюдать положения Договора.|",
    })
    void readsInstrumentsNamedWithoutQuotesUpToWhereTheSentenceGoesOn(String sentence, String instrument) {
        assertThat(commitments(sentence)).singleElement().extracting(Commitment::instruments)
                .isEqualTo(instrument == null ? List.of() : List.of(instrument));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Стороны призывают все государства воздерживаться от односторонних мер.",
            "Стороны решительно осуждают терроризм во всех его проявлениях.",
            "Главы государств обменялись мнениями по региональной повестке.",
    })
    void findsNoCommitmentInCallsOnOthersCondemnationsOrPastFacts(String sentence) {
        assertThat(commitments(sentence)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "В ближайшее время Казахстан и Россия запустят диалог по энергетике.",
            "Для достижения этих целей Россия и Казахстан откроют новые пункты пропуска.",
            "Стороны в ближайшее время подпишут соглашение о транзите.",
            "Стороны выражают настрой на расширение торговли и в этих целях будут развивать логистику.",
            "Стороны подтвердили свое намерение укреплять связи между университетами.",
            "Астана, 3 марта /Синьхуа/ -- Казахстан и Россия договорились расширить транзит грузов.",
            "По их словам, наши страны продолжат развивать транзит грузов.",
            "Наши государства намерены расширять транзит грузов.",
            "Также Казахстан и Россия продолжат развивать транзит грузов.",
            "Также страны проведут форум по транзиту грузов.",
    })
    void readsPerfectiveFuturesAdverbialsAndLeadsBeforeTheStatesAsPledges(String sentence) {
        List<Commitment> found = analyzer.analyze(new SourceDocument("ru-future",
                "Совместное заявление Республики Казахстан и Российской Федерации\n" + sentence, null, "ru", DOCUMENT)).commitments();

        assertThat(found).extracting(Commitment::text).containsExactly(sentence);
        assertThat(found.get(0).parties()).containsExactlyInAnyOrder("KZ", "RU");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Мы, главы государств, заявляем о своей готовности расширять обмены.",
            "Намерены продолжать совместные учения.",
            "Учитывая угрозы региону, заявляем о готовности к совместным действиям.",
            "Подтверждаем приверженность принципу неделимой безопасности.",
    })
    void readsFirstPersonPledgesWithOrWithoutTheirPronoun(String sentence) {
        assertThat(commitments("Декларация глав государств\n" + sentence)).extracting(Commitment::text).containsExactly(sentence);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Отмечаем рост взаимной торговли.",
            "Призываем все стороны воздерживаться от эскалации.",
            "Глубоко озабочены ситуацией в регионе.",
            "В ближайшее время торговля двух стран вырастет.",
            "Астана, 3 марта /Синьхуа/ -- Казахстан и Россия отметили рост транзита грузов.",
            "По их словам, наши страны отмечают рост транзита грузов.",
    })
    void findsNoPledgeInFirstPersonStatementsCallsOrPredictions(String sentence) {
        assertThat(commitments("Декларация глав государств\n" + sentence)).isEmpty();
    }

    @Test
    void readsAStatementQuotedByANewsCopy() {
        String text = """
                Лидеры подписали совместное заявление
                «Стороны намерены развивать сотрудничество в энергетике», — говорится в заявлении.
                "ОДКБ продолжит учения миротворческих сил", - отмечается в документе.
                «Стороны отмечают рост торговли», — говорится в документе.
                «В интересах двух народов, учитывая рост торговли, Стороны продолжат развивать логистику», — подчеркивается в документе.
                """;

        assertThat(commitments(text)).extracting(Commitment::text).containsExactly(
                "«Стороны намерены развивать сотрудничество в энергетике», — говорится в заявлении.",
                "\"ОДКБ продолжит учения миротворческих сил\", - отмечается в документе.",
                "«В интересах двух народов, учитывая рост торговли, Стороны продолжат развивать логистику», — подчеркивается в документе.");
    }

    /**
     * A news copy's editor names the quoted clause's subject in brackets; a declaration states its firm intent; a
     * relative clause says what the document its subject signed holds. A document's relative clause pledges nothing
     * when its subject is not the signers ("Комиссия отметила …").
     */
    @Test
    void readsPledgesANewsCopyReportsThroughItsEditorAndTheDocumentSigned() {
        String text = """
                Лидеры подписали совместное заявление
                «(Стороны) приняли решение провести следующую встречу в Казани», — говорится в сообщении.
                "Заявляем о своем твердом намерении развивать транспортные коридоры", — говорится в декларации.
                Лидеры подписали декларацию, в которой условились развивать консультации по энергетике.
                Рост торговли отмечен в докладе, в котором будут приведены итоги года.
                """;

        assertThat(commitments(text)).extracting(Commitment::text).containsExactly(
                "«(Стороны) приняли решение провести следующую встречу в Казани», — говорится в сообщении.",
                "\"Заявляем о своем твердом намерении развивать транспортные коридоры\", — говорится в декларации.",
                "Лидеры подписали декларацию, в которой условились развивать консультации по энергетике.");
    }

    @Test
    void readsTheNumberedItemsOfADecisionAsItsBullets() {
        String text = """
                Решение Совета глав государств
                Совет глав государств
                решил:
                1. Принять текст обращения к народам государств.
                2. Опубликовать текст обращения в печати.
                3.
                Направить текст обращения в ООН.
                """;

        assertThat(commitments(text)).extracting(Commitment::kind, Commitment::text).containsExactly(
                tuple(Commitment.Kind.BULLET, "Принять текст обращения к народам государств."),
                tuple(Commitment.Kind.BULLET, "Опубликовать текст обращения в печати."),
                tuple(Commitment.Kind.BULLET, "Направить текст обращения в ООН."));
    }

    /** Items whose number runs into their text ("1.Поручить"), one opening with its object before the verb. */
    @Test
    void readsItemsWhoseNumberRunsIntoTheirText() {
        String text = "Решение Совета глав правительств\nСовет глав правительств, учитывая итоги консультаций, решил: "
                + "1.Поручить министрам транспорта подготовить проект соглашения о перевозках в трехмесячный срок. "
                + "2.Доклад о ходе подготовки соглашения заслушать на очередном заседании Совета.\n"
                + "Стороны будут проводить консультации по соглашению от 15.05.1992 года ежегодно.\n";

        assertThat(commitments(text)).extracting(Commitment::kind, Commitment::text).containsExactly(
                tuple(Commitment.Kind.BULLET, "Поручить министрам транспорта подготовить проект соглашения о перевозках в трехмесячный срок."),
                tuple(Commitment.Kind.BULLET, "Доклад о ходе подготовки соглашения заслушать на очередном заседании Совета."),
                tuple(Commitment.Kind.NARRATIVE, "Стороны будут проводить консультации по соглашению от 15.05.1992 года ежегодно."));
    }

    @Test
    void readsNumberedParagraphsUnderAnAgreementAcrossHeadingsAsItsItems() {
        String trade = "Расширять взаимную торговлю сельскохозяйственной продукцией, снимая барьеры и упрощая процедуры сертификации.";
        String investment = "Создать совместную рабочую группу по инвестициям, которая будет готовить перечень приоритетных проектов.";
        String grants = "Увеличить число стипендий для студентов из государств-участников в университетах и колледжах.";
        String meetings = "Стороны будут проводить встречи министров образования ежегодно поочередно в каждом из государств.";
        String text = "Декларация встречи на высшем уровне\n"
                + "Мы, главы государств и правительств, собравшиеся на первую встречу на высшем уровне в столице, отмечая давние связи наших"
                + " народов, их взаимное уважение и доверие, а также общую заинтересованность в мире, безопасности и развитии региона,\n"
                + "стремясь придать нашему сотрудничеству новое качество и опираясь на опыт совместной работы в международных организациях"
                + " и на договоренности, достигнутые в ходе предыдущих контактов, договорились о следующем:\n"
                + "Торговля\n1. " + trade + "\n2. " + investment + "\nОбразование\n3. " + grants
                + "\n4. Государства отмечают рост научных обменов между университетами и исследовательскими центрами.\n5. " + meetings + "\n";

        assertThat(commitments(text)).extracting(Commitment::kind, Commitment::section, Commitment::text).containsExactly(
                tuple(Commitment.Kind.BULLET, 1, trade),
                tuple(Commitment.Kind.BULLET, 2, investment),
                tuple(Commitment.Kind.BULLET, 3, grants),
                tuple(Commitment.Kind.NARRATIVE, 5, meetings));
    }

    private static final String SIGNED_BELOW = """
            СОВМЕСТНОЕ ЗАЯВЛЕНИЕ
            РЕСПУБЛИКИ КАЗАХСТАН И КЫРГЫЗСКОЙ РЕСПУБЛИКИ
            О РАЗВИТИИ СОТРУДНИЧЕСТВА
            Москва, 12 марта 2024 года
            Республика Казахстан и Кыргызская Республика, далее именуемые Сторонами, заявляют о следующем.
            Стороны будут развивать сотрудничество в энергетике и на транспорте.
            """;

    /**
     * A title set in capitals reads whole over its lines, up to the first line in small letters; the signature
     * block that closes the text names the signatories, office and name on one line or two.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Президент Республики Казахстан А.Нурланов\nПрезидент Кыргызской Республики Б.Асанов\n",
            "Президент Республики Казахстан\nА.Нурланов\nПрезидент Кыргызской Республики\nБ.Асанов\n",
    })
    void readsATitleInCapitalsOverItsLinesAndTheSignatureBlock(String signatures) {
        DocumentMetadata document = analyzer.analyze(SourceDocument.of("signed", SIGNED_BELOW + signatures)).document();

        assertThat(document.title()).isEqualTo(
                "СОВМЕСТНОЕ ЗАЯВЛЕНИЕ РЕСПУБЛИКИ КАЗАХСТАН И КЫРГЫЗСКОЙ РЕСПУБЛИКИ О РАЗВИТИИ СОТРУДНИЧЕСТВА");
        assertThat(document.signatories()).containsExactly("А.Нурланов", "Б.Асанов");
    }

    /** Offices side by side over their names cannot be paired once read as text: the block names nobody. */
    @Test
    void namesNobodyFromOfficesSetSideBySideOverTheirNames() {
        String signatures = "Президент Республики Казахстан      Президент Кыргызской Республики\nА.Нурланов      Б.Асанов\n";

        assertThat(analyzer.analyze(SourceDocument.of("beside", SIGNED_BELOW + signatures)).document().signatories()).isEmpty();
    }

    /**
     * A date the title carries in brackets dates the declaration; without one, the opening's date does, by the
     * last of the meeting's days.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Декларация Совета министров (12 марта 2024 года)NLМы, члены Совета, 11 марта 2024 года провели заседание в столице.NLМы намерены развивать сотрудничество.|2024-03-12",
            "Декларация Совета министровNLМы, члены Совета, 11 марта 2024 года провели заседание в столице.NLМы намерены развивать сотрудничество.|2024-03-11",
            "Декларация Совета министровNLМы, члены Совета, 10–11 марта 2024 года провели заседание в столице.NLМы намерены развивать сотрудничество.|2024-03-11",
    })
    void datesADeclarationByTheDateItsTitleCarries(String text, String date) {
        assertThat(analyzer.analyze(SourceDocument.of("title-date", text.replace("NL", "\n"))).document().date())
                .isEqualTo(LocalDate.parse(date));
    }

    /** A news copy's subtitle pledges for "Стороны" without naming them: its lead names who met, the parties. */
    @Test
    void takesTheStatesOfANewsLeadAsThePartiesOfItsSubtitlesPledge() {
        String text = """
                Лидеры подписали совместное заявление в Москве

                Стороны намерены развивать сотрудничество в энергетике и на транспорте.

                Президенты Казахстана и Монголии по итогам переговоров подписали совместное заявление.
                """;

        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("news-lead", text));

        assertThat(analysis.document().parties()).containsExactlyInAnyOrder("KZ", "MN");
        assertThat(analysis.commitments()).singleElement().extracting(Commitment::parties).asList()
                .containsExactlyInAnyOrder("KZ", "MN");
    }

    /** A body of the organisation or of the parties, named from a capital, pledges for them; it may also report. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Совет министров иностранных дел продолжит согласование позиций в международных делах.|true",
            "Евразийская экономическая комиссия проведет обзор барьеров во взаимной торговле.|true",
            "Деловой совет организации будет содействовать контактам предпринимателей.|true",
            "Совет министров иностранных дел отметил рост взаимной торговли.|false",
            "Комиссия, которая была создана в прошлом году, работает успешно.|false",
    })
    void readsABodyOfTheOrganisationAsTheSubjectOfItsPledge(String sentence, boolean pledges) {
        assertThat(commitments("Декларация глав государств\n" + sentence)).extracting(Commitment::text)
                .isEqualTo(pledges ? List.of(sentence) : List.of());
    }

    /**
     * Five states or more met at once as an organisation are a grouping's members: its declaration names no parties;
     * the states of a summit that forms none, and of a joint statement of four or fewer, are its parties.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Мы, лидеры Федеративной Республики Бразилии, Российской Федерации, Республики Индии, Китайской Народной Республики и Южно-Африканской Республики, собрались на саммите БРИКС в Казани.|",
            "Мы, лидеры Федеративной Республики Бразилии, Российской Федерации, Республики Индии, Китайской Народной Республики и Южно-Африканской Республики, собрались на встрече в Казани.|BR,RU,IN,CN,ZA",
            "Мы, лидеры Российской Федерации, Республики Индии, Китайской Народной Республики и Южно-Африканской Республики, собрались на встрече в Казани.|RU,IN,CN,ZA",
    })
    void leavesTheMembersOfAGroupingThatMetOutOfItsParties(String opening, String parties) {
        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("grouping",
                "Декларация саммита\n" + opening + "\nМы продолжим развивать сотрудничество в области энергетики.\n"));

        List<String> expected = parties == null ? List.of() : List.of(parties.split(","));
        assertThat(analysis.document().parties()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(analysis.commitments()).singleElement().extracting(Commitment::parties).asList()
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    /** A state right after "по" is what the statement is about: those who met are the parties, not it. */
    @Test
    void leavesTheStateAStatementIsAboutOutOfItsParties() {
        String text = """
                Главы Казахстана, Узбекистана и Киргизии подписали заявление по Афганистану

                Главы Казахстана, Узбекистана и Киргизии подписали заявление по Афганистану. Стороны продолжат консультации.
                """;

        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("topic-state", text));

        assertThat(analysis.document().parties()).containsExactlyInAnyOrder("KZ", "UZ", "KG");
        assertThat(analysis.commitments()).singleElement().extracting(Commitment::parties).asList()
                .containsExactlyInAnyOrder("KZ", "UZ", "KG");
    }

    /**
     * The occasion may stand between a subject and its verb; the states a subject belongs to may be listed with
     * commas. A verb of reporting after the occasion pledges nothing.
     */
    @Test
    void readsAPledgeWhoseSubjectTheOccasionFollowsAndItsListedStates() {
        String text = """
                Совместное заявление Казахстана, Узбекистана и Киргизии
                Главы Казахстана, Узбекистана и Киргизии провели встречу в Ташкенте.
                Президенты Казахстана, Узбекистана и Киргизии по итогам переговоров в Ташкенте приняли решение создать водный совет.
                Президенты по итогам переговоров в Ташкенте отметили рост торговли.
                """;

        assertThat(commitments(text)).singleElement().satisfies(commitment -> {
            assertThat(commitment.text()).isEqualTo("Президенты Казахстана, Узбекистана и Киргизии по итогам переговоров "
                    + "в Ташкенте приняли решение создать водный совет.");
            assertThat(commitment.parties()).containsExactlyInAnyOrder("KZ", "UZ", "KG");
        });
    }

    /**
     * A news copy names who agreed by office, state and name, or a state by its capital; a leader named without a
     * state binds nobody the text can tell, and a capital after a preposition is a place.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Президент Казахстана Иван Петров и председатель КНР Ли Мин договорились открыть новый пункт пропуска.|KZ,CN",
            "Глава МИД РФ Петр Иванов и госсекретарь США Джон Смит официально приняли решение возобновить консультации.|RU,US",
            "Астана и Пекин договорились расширять транзит грузов.|KZ,CN",
            "Президент Иван Петров договорился открыть новый пункт пропуска.|",
            "В Пекине договорились о расширении транзита.|",
    })
    void readsLeadersNamedByOfficeAndStatesNamedByTheirCapitalAsParties(String sentence, String parties) {
        String text = "Лидеры Казахстана, России, Китая и США провели встречу\n" + sentence + "\n";

        List<Commitment> found = analyzer.analyze(SourceDocument.of("office-holders", text)).commitments();

        if (parties == null) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).singleElement().satisfies(commitment -> {
                assertThat(commitment.text()).isEqualTo(sentence);
                assertThat(commitment.parties()).containsExactlyInAnyOrder(parties.split(","));
            });
        }
    }

    /** What a news copy places in the document is stated of every party; a place that is no document is not. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "В подписанном совместном документе подтверждена готовность развивать речное судоходство.|true",
            "В декларации выражена готовность упростить визовый режим.|true",
            "В заявлении отмечен рост взаимной торговли.|false",
            "В портовом городе подтверждена готовность развивать речное судоходство.|false",
    })
    void readsWhatANewsCopyPlacesInTheDocumentAsEveryPartysPledge(String sentence, boolean pledges) {
        assertThat(commitments("Лидеры подписали совместное заявление\n" + sentence)).extracting(Commitment::text)
                .isEqualTo(pledges ? List.of(sentence) : List.of());
    }

    /** A title that names both states in full, its subject and its occasion runs to some 260 characters. */
    @Test
    void readsALongTitleThatNamesItsStatesSubjectAndOccasion() {
        String title = "Совместное заявление Российской Федерации и Республики Казахстан о дальнейшем углублении "
                + "отношений всеобъемлющего стратегического партнерства и союзничества в интересах устойчивого "
                + "развития, безопасности и благополучия народов двух государств на долгосрочную перспективу";

        DocumentMetadata document = analyzer.analyze(SourceDocument.of("long-title",
                title + "\n\nСтороны продолжат развивать транзит грузов.\n")).document();

        assertThat(title).hasSizeGreaterThan(250);
        assertThat(document.title()).isEqualTo(title);
        assertThat(document.parties()).containsExactlyInAnyOrder("RU", "KZ");
    }

    /**
     * A sign-off line in lower case ("г. Москва, …") after the last sentence dates the text, not runs on from it,
     * also where lines of like length with a blank line after each read as hard-wrapped.
     */
    @Test
    void datesAStatementByASignOffLineThatOpensInLowerCase() {
        String text = """
                Заявление глав государств о сотрудничестве в области торговли, науки, образования и культуры

                – продолжат развивать торговлю на основе взаимной выгоды и учета интересов друг друга;

                – намерены расширять связи между регионами двух стран, в том числе в сфере туризма;

                – подтверждают готовность к сотрудничеству в науке, образовании и культуре двух стран.

                Главы государств выступают за развитие торговли на основе взаимной выгоды и доверия.

                Главы государств договорились провести встречу в 2026 году в г. Казани в рамках форума.

                г. Москва, 5 июня 2025 года
                """;

        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("sign-off", text));

        assertThat(analysis.document().date()).isEqualTo(LocalDate.of(2025, 6, 5));
        assertThat(analysis.commitments()).last().extracting(Commitment::text)
                .isEqualTo("Главы государств договорились провести встречу в 2026 году в г. Казани в рамках форума.");
    }

    @Test
    void readsAPledgeANewsCopyReportsAfterThat() {
        String text = """
                Лидеры подписали декларацию
                В декларации говорится, что государства-члены намерены развивать транспортные коридоры.
                В документе отмечается, что торговля между странами будет расти.
                """;

        assertThat(commitments(text)).extracting(Commitment::text).containsExactly(
                "В декларации говорится, что государства-члены намерены развивать транспортные коридоры.");
    }

    /** After "что", a pledge counts where a news copy reports the document, not where the Parties give a view. */
    @Test
    void readsNoPledgeInAViewTheSidesHold() {
        String text = """
                Совместное заявление
                В заявлении подчеркивается, что Россия и Китай будут развивать сотрудничество в энергетике.
                Стороны считают, что Россия и Китай будут развивать сотрудничество в энергетике.
                Стороны убеждены, что государства продолжат консультации по безопасности.
                """;

        assertThat(commitments(text)).extracting(Commitment::text).containsExactly(
                "В заявлении подчеркивается, что Россия и Китай будут развивать сотрудничество в энергетике.");
    }

    @Test
    void readsEachItemAfterALeadInEndingWithItsSubjectAsThatSubjectsStatement() {
        String text = """
                Совместное заявление Республики Казахстан и Российской Федерации
                В этих целях Стороны:
                — будут развивать железнодорожные перевозки;
                — приветствуют рост туристических обменов;
                — продолжат консультации по вопросам безопасности.
                """;

        List<Commitment> found = commitments(text);
        assertThat(found).extracting(Commitment::kind, Commitment::text).containsExactly(
                tuple(Commitment.Kind.NARRATIVE, "будут развивать железнодорожные перевозки;"),
                tuple(Commitment.Kind.NARRATIVE, "продолжат консультации по вопросам безопасности."));
        assertThat(found.get(0).parties()).containsExactlyInAnyOrder("KZ", "RU");
    }

    @Test
    void readsANewsCopyWithOneParagraphALineThoughMostLinesAreOfOneLength() {
        String item = "заявили о готовности расширять сотрудничество в области энергетики, транспорта, сельского хозяйства и связи;";
        String text = "Лидеры государств подписали итоговую декларацию по итогам заседания в столице, сообщает пресс-служба.\n"
                + "В соответствии с документом, государства-члены:\n"
                + "приняли к сведению доклад генерального секретаря о деятельности организации в прошедшем году, а также о работе ее постоянных органов и комиссий;\n"
                + "подчеркнули, что не участвуют в союзах и коалициях, направленных против других государств, и выступают против любых форм давления и вмешательства во внутренние дела;\n"
                + "выразили намерение наращивать потенциал организации как одной из ключевых площадок регионального сотрудничества;\n"
                + "отметили рост взаимной торговли и инвестиций между государствами-членами за последние пять лет, а также рост числа совместных проектов в промышленности, энергетике и сельском хозяйстве, в том числе в приграничных регионах, где реализуются программы развития;\n"
                + item + "\n";

        assertThat(commitments(text)).extracting(Commitment::text).containsExactly(
                "выразили намерение наращивать потенциал организации как одной из ключевых площадок регионального сотрудничества;", item);
    }

    @Test
    void readsLinesWithoutMarkersAfterAnAgreementAsItsItems() {
        String text = """
                Совместное заявление Республики Казахстан и Российской Федерации
                Главы государств провели переговоры в Астане 5 мая 2025 года в атмосфере дружбы и взаимопонимания.
                Стороны договорились:
                расширять прямые авиарейсы между столицами;
                упростить выдачу виз для студентов.
                Стороны также отмечают рост туристических обменов.
                """;

        assertThat(commitments(text)).extracting(Commitment::kind, Commitment::text).containsExactly(
                tuple(Commitment.Kind.BULLET, "расширять прямые авиарейсы между столицами;"),
                tuple(Commitment.Kind.BULLET, "упростить выдачу виз для студентов."));
    }

    @Test
    void joinsTheLinesOfParagraphsThatBlankLinesSeparate() {
        String text = """
                Совместное заявление Республики Казахстан и Российской Федерации

                Главы государств провели переговоры
                в атмосфере дружбы.

                Республика Казахстан
                и Российская Федерация продолжат сотрудничество
                в области образования и науки.

                Стороны будут
                развивать культурные обмены.

                Министры иностранных
                дел проведут консультации в следующем году.
                """;

        assertThat(commitments(text)).extracting(Commitment::text).containsExactly(
                "Республика Казахстан и Российская Федерация продолжат сотрудничество в области образования и науки.",
                "Стороны будут развивать культурные обмены.",
                "Министры иностранных дел проведут консультации в следующем году.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", delimiter = '|', value = {
            "реализовать до 2030 года|до 2030 года|null|2029-12-31|false",
            "достигнутые в 2022 году|в 2022 году|2022-01-01|2022-12-31|true",
            "провести в 2023 году|в 2023 году|2023-01-01|2023-12-31|false",
            "программа на 2023–2027 годы|2023–2027 годы|2023-01-01|2027-12-31|false",
            "состоявшейся 14–20 декабря 2022 года|14–20 декабря 2022 года|2022-12-14|2022-12-20|true",
            "провести в текущем году|в текущем году|2023-01-01|2023-12-31|false",
            "завершить к концу 2024 года|к концу 2024 года|null|2024-12-31|false",
            "до конца текущего года|до конца текущего года|null|2023-12-31|false",
            "к 2030 году|к 2030 году|null|2030-12-31|false",
            "в ноябре 2024 года|в ноябре 2024 года|2024-11-01|2024-11-30|false",
            "встреча 1 апреля|1 апреля|2023-04-01|2023-04-01|false",
            "в следующем году|в следующем году|2024-01-01|2024-12-31|false",
            "в первом полугодии 2025 года|в первом полугодии 2025 года|2025-01-01|2025-06-30|false",
            "до конца 2025 года|до конца 2025 года|null|2025-12-31|false",
            "в 2026 году|в 2026 году|2026-01-01|2026-12-31|false",
            "провести в первом полугодии консультации|в первом полугодии|2023-01-01|2023-06-30|false",
            "провести во втором полугодии форум|во втором полугодии|2023-07-01|2023-12-31|false",
            "от 16 июля 2001 г.|16 июля 2001 г.|2001-07-16|2001-07-16|true",
            "провести с 3 по 5 июня 2024 года|с 3 по 5 июня 2024 года|2024-06-03|2024-06-05|false",
            "с 30 апреля по 2 мая 2024 года|с 30 апреля по 2 мая 2024 года|2024-04-30|2024-05-02|false",
            "программа с 2024 по 2026 год|с 2024 по 2026 год|2024-01-01|2026-12-31|false",
    })
    void resolvesEachDateFormAgainstTheDocumentDate(String text, String expression, LocalDate start, LocalDate end, boolean past) {
        assertThat(DATES.find(text, text, DOCUMENT)).containsExactly(
                new TimeSpan(expression, start, end, past, text.indexOf(expression), text.indexOf(expression) + expression.length()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Повестки дня в области устойчивого развития на период до 2030 года",
            "около 2000 предприятий",
            "31 февраля 2023 года",
            "в начале переговоров",
            "в первой половине дня",
    })
    void leavesNumbersAndNamesThatAreNoDeadlinesAlone(String text) {
        assertThat(DATES.find(text, text, DOCUMENT)).isEmpty();
    }

    private static final String AGREED_LISTS = """
            Совместное заявление Российской Федерации и Республики Казахстан

            Астана, 12 марта 2025 года

            Стороны договорились:

            — до конца 2025 года завершить согласование «Соглашения о сотрудничестве в области образования»;
            — в 2026 году провести заседание межправительственной комиссии.

            Стороны договорились:
            • продолжить работу над «Дорожной картой развития торговли»;
            • в первом полугодии провести консультации министерств иностранных дел.

            Стороны договорились:
            1) во втором полугодии 2025 года провести форум регионов;
            2) к концу 2026 года увеличить товарооборот.

            Главы государств подписали Соглашение о взаимном признании документов об образовании, в соответствии с \
            которым Стороны будут содействовать академической мобильности. Стороны подписали «Меморандум о \
            взаимопонимании в области здравоохранения». В 2026 году будет подписано Соглашение о культурных центрах.
            """;

    @Test
    void readsAgreedListsMarkedByDashBulletOrNumberWithTheirTitlesDatesAndSignings() {
        CommuniqueAnalysis analysis = analyzer.analyze(SourceDocument.of("ru-kz", AGREED_LISTS));

        List<Commitment> bullets = analysis.commitments().stream().filter(c -> c.kind() == Commitment.Kind.BULLET).toList();
        assertThat(bullets).extracting(Commitment::text).containsExactly(
                "до конца 2025 года завершить согласование «Соглашения о сотрудничестве в области образования»;",
                "в 2026 году провести заседание межправительственной комиссии.",
                "продолжить работу над «Дорожной картой развития торговли»;",
                "в первом полугодии провести консультации министерств иностранных дел.",
                "во втором полугодии 2025 года провести форум регионов;",
                "к концу 2026 года увеличить товарооборот.");
        assertThat(bullets.get(0).instruments()).containsExactly("Соглашения о сотрудничестве в области образования");
        assertThat(bullets.get(2).instruments()).containsExactly("Дорожной картой развития торговли");
        assertThat(bullets).extracting(c -> c.timeExpressions().stream().map(t -> t.start() + "/" + t.end()).toList())
                .containsExactly(List.of("null/2025-12-31"), List.of("2026-01-01/2026-12-31"), List.of(),
                        List.of("2025-01-01/2025-06-30"), List.of("2025-07-01/2025-12-31"), List.of("null/2026-12-31"));
        // Signed: what running text reports as signed, not what will be signed nor what a clause after it names.
        assertThat(analysis.signedInstruments()).containsExactly(
                "Соглашение о взаимном признании документов об образовании",
                "Меморандум о взаимопонимании в области здравоохранения");
    }

    /**
     * A clause without a subject opened by "что" after a reporting clause pledges for that clause's subject; a
     * view ("считают, что") or another subject in the "что" clause does not.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Стороны отметили, что планируют провести консультации по визовым вопросам в первом полугодии.|true",
            "Министры подчеркнули, что продолжат совместную работу над проектом.|true",
            "Стороны считают, что продолжат совместную работу над проектом.|false",
            "Стороны отметили, что товарооборот будет расти и далее.|false",
            "Эксперты отметили рост товарооборота, что планируют учитывать при подготовке обзора.|false",
    })
    void pledgesInAThatClauseForTheSubjectThatReportsIt(String sentence, boolean pledge) {
        List<Commitment> found = commitments("Совместное заявление\n\n" + sentence + "\n");

        assertThat(found).extracting(Commitment::text).containsExactlyElementsOf(pledge ? List.of(sentence) : List.of());
    }

    /**
     * A phrase of purpose enumerated over several clauses ("В целях A, B, C стороны решили …") leaves the subject in
     * its last clause; a relative word or a verb of no commitment there does not pledge.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "В целях развития торговли, расширения инвестиций, укрепления связей между регионами стороны решили учредить совместный фонд.|true",
            "В целях развития торговли, расширения инвестиций, укрепления связей между регионами Россия и Монголия проведут форум.|true",
            "В целях развития торговли, расширения инвестиций, на основе которых стороны решили учредить фонд, создана комиссия.|false",
            "В целях развития торговли, расширения инвестиций, укрепления связей между регионами стороны обменялись мнениями.|false",
    })
    void findsTheSubjectAfterAPhraseOfPurposeEnumeratedOverClauses(String sentence, boolean pledge) {
        List<Commitment> found = commitments("Совместное заявление\n\n" + sentence + "\n");

        assertThat(found).extracting(Commitment::text).containsExactlyElementsOf(pledge ? List.of(sentence) : List.of());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Стороны выступают за укрепление роли международного права в мировых делах.|false",
            "Мы выступаем за справедливую систему международной торговли.|false",
            "Лидеры выступили за скорейшее урегулирование кризиса.|false",
            "Стороны продолжат консультации по вопросам региональной безопасности.|true",
            "Мы поручаем министрам торговли подготовить совместный доклад.|true",
            "Мы учреждаем совет по инвестиционному сотрудничеству.|true",
            "Мы подтверждаем нашу приверженность принципам открытой торговли.|true",
    })
    void readsAdvocacyAsAPositionAndFirstPersonTaskingAndFoundingAsPledges(String sentence, boolean pledge) {
        List<Commitment> found = commitments("Совместное заявление\n\n" + sentence + "\n");

        assertThat(found).extracting(Commitment::text).containsExactlyElementsOf(pledge ? List.of(sentence) : List.of());
    }

    @Test
    void readsTheItemsAfterAPreamblesDeclaringVerbAsItsSubjectsStatements() {
        String text = """
                Заявление глав государств

                Главы государств,

                руководствуясь принципами добрососедства,

                заявляют:

                – намерены развивать транспортные коридоры;

                – отмечают рост взаимной торговли;

                – продолжат обмены в области культуры.
                """;

        assertThat(commitments(text)).extracting(Commitment::kind, Commitment::text).containsExactly(
                tuple(Commitment.Kind.NARRATIVE, "намерены развивать транспортные коридоры;"),
                tuple(Commitment.Kind.NARRATIVE, "продолжат обмены в области культуры."));
    }

    @Test
    void readsItemsAfterMembersOfAnOrganisationAndAPhraseOfPurposeAsTheirStatements() {
        String text = """
                Декларация Совета

                Государства – члены ОДКБ в целях укрепления региональной стабильности:

                – будут проводить совместные учения;

                – выражают озабоченность ростом угроз;

                – продолжат обмен информацией.

                Государства – члены ОДКБ будут развивать военно-техническое сотрудничество.
                """;

        List<Commitment> found = commitments(text);
        assertThat(found).extracting(Commitment::text).containsExactly(
                "будут проводить совместные учения;", "продолжат обмен информацией.",
                "Государства – члены ОДКБ будут развивать военно-техническое сотрудничество.");
        assertThat(found.get(2).organisations()).containsExactly("CSTO");
    }

    @Test
    void readsAnExcerptThatOpensOnARomanPartInlineAsThatPart() {
        String text = """
                VI. Государства-члены продолжат консультации по вопросам безопасности. Государства-члены отмечают \
                рост угроз.

                VII. Государства-члены будут развивать торговлю.
                """;

        assertThat(commitments(text)).extracting(Commitment::section, Commitment::text).containsExactly(
                tuple(6, "Государства-члены продолжат консультации по вопросам безопасности."),
                tuple(7, "Государства-члены будут развивать торговлю."));
    }

    @Test
    void numbersAnExcerptThatOpensOnANumberedParagraphByItsParagraphs() {
        String text = """
                7. Стороны будут расширять обмены в области образования и науки.
                8. Стороны отмечают рост торговли. Стороны продолжат сотрудничество в рамках ШОС.
                """;

        assertThat(commitments(text)).extracting(Commitment::section, Commitment::text).containsExactly(
                tuple(7, "Стороны будут расширять обмены в области образования и науки."),
                tuple(8, "Стороны продолжат сотрудничество в рамках ШОС."));
    }

    @Test
    void namesOrganisationsInEveryCaseTheirNamesTake() {
        List<Commitment> found = commitments("Совместное заявление\n\nСтороны будут развивать связи с Африканским "
                + "союзом и с Евразийской экономической комиссией.\n");

        assertThat(found).singleElement().extracting(Commitment::organisations).isEqualTo(List.of("AU", "EAEU"));
    }

    @Test
    void numbersTheParagraphsAfterAPreamblesDeclaringVerbAsTheDocumentsSections() {
        String text = """
                Декларация встречи

                Мы, главы государств и правительств,

                отмечая рост взаимной торговли,

                заявляем:

                1. Мы будем развивать морское сообщение.

                2. Мы отмечаем успехи молодежных обменов.

                Гуманитарные связи

                3. Мы продолжим обмены в области науки.
                """;

        assertThat(commitments(text)).extracting(Commitment::section, Commitment::text).containsExactly(
                tuple(1, "Мы будем развивать морское сообщение."),
                tuple(3, "Мы продолжим обмены в области науки."));
    }

    @Test
    void readsATreatyTitleThatNamesEachPartysSide() {
        List<Commitment> found = commitments("Совместное заявление\n\nСтороны будут выполнять Соглашение о торговле "
                + "между Союзом и его государствами-членами, с одной стороны, и Республикой Сербия, с другой стороны, "
                + "в полном объеме.\n");

        assertThat(found).singleElement().extracting(Commitment::instruments).isEqualTo(List.of("Соглашение о торговле "
                + "между Союзом и его государствами-членами, с одной стороны, и Республикой Сербия, с другой стороны"));
    }
}
