package org.commitmenttracker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.commitmenttracker.events.CommitmentExtracted;
import org.commitmenttracker.events.CommitmentLinked;
import org.commitmenttracker.events.CommuniqueAnalysed;
import org.commitmenttracker.events.CommuniqueWithdrawn;
import org.commitmenttracker.events.EventCodec;
import org.commitmenttracker.events.EventData;
import org.commitmenttracker.events.EventEnvelope;
import org.commitmenttracker.events.EventIds;
import org.commitmenttracker.events.Topics;
import org.commitmenttracker.registry.lineage.LineageLinker;
import org.commitmenttracker.testsupport.Http;
import org.commitmenttracker.testsupport.TestTokens;
import org.commitmenttracker.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Against the real broker and store: two meetings of one series (synthetic pledges) are registered and analysed;
 * the later one's pledges are linked to the earlier ones they carry on, shown by the lineage endpoint from both
 * ends (to an agency, only its own); a new analysis that drops a pledge drops its link, and withdrawing the later
 * communiqué removes its links. A pledge renewed at two later meetings shows its chain's facts (on its answer, as list
 * and summary filters, in the CSV export), which follow a status change and a withdrawal at once, and its links are
 * announced (commitment.linked.v1).
 */
@RegistryIT
class LineageIT {
    private final EventCodec codec = new EventCodec();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Test
    void aLaterCommuniqueIsLinkedToTheEarlierOneAndItsWithdrawalRemovesTheLinks() {
        String run = UUID.randomUUID().toString();
        // The series' own organisation keeps other tests' commitments out of its candidates.
        List<String> series = List.of("Coastal Partnership " + run);
        String first = "doc-lineage-1-" + run;
        String second = "doc-lineage-2-" + run;
        String firstFlood = "cmt-l1-flood-" + run;
        String firstScholarships = "cmt-l1-scholarships-" + run;
        String secondFlood = "cmt-l2-flood-" + run;
        String secondLibrary = "cmt-l2-library-" + run;
        String secondScholarships = "cmt-l2-scholarships-" + run;

        register(first, List.of(
                extracted(firstFlood, first, 2021, 1, "The partners will establish a joint working group on coastal flood"
                        + " forecasting and share river gauge data.", series),
                extracted(firstScholarships, first, 2021, 2, "The partners will fund twenty scholarships for graduate"
                        + " students in marine engineering.", series)));
        registerAnalysisFirst(second, List.of(
                extracted(secondFlood, second, 2022, 1, "The partners will continue the joint working group on coastal"
                        + " flood forecasting and expand the sharing of river gauge data.", series),
                extracted(secondLibrary, second, 2022, 2, "The partners will open a digital library of agricultural"
                        + " soil surveys.", series),
                extracted(secondScholarships, second, 2022, 3, "The partners will fund twenty scholarships for graduate"
                        + " students in marine engineering.", series)));

        await().atMost(Duration.ofSeconds(60)).until(() -> lineage(firstScholarships).get("later").size() == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> lineage(firstFlood).get("later").size() == 1);
        JsonNode renewed = lineage(secondFlood);
        assertThat(renewed.get("later")).isEmpty();
        assertThat(renewed.get("earlier")).hasSize(1);
        JsonNode earlier = renewed.get("earlier").get(0);
        assertThat(earlier.get("commitmentId").asString()).isEqualTo(firstFlood);
        assertThat(earlier.get("documentId").asString()).isEqualTo(first);
        assertThat(earlier.get("documentDate").asString()).isEqualTo("2021-05-20");
        assertThat(earlier.get("status").asString()).isEqualTo("PLEDGED");
        assertThat(earlier.get("relation").asString()).isEqualTo("renews");
        assertThat(earlier.get("similarity").asDouble()).isBetween(0.32, 1.0);

        JsonNode repeated = lineage(firstScholarships).get("later").get(0);
        assertThat(repeated.get("commitmentId").asString()).isEqualTo(secondScholarships);
        assertThat(repeated.get("documentDate").asString()).isEqualTo("2022-05-20");
        assertThat(repeated.get("relation").asString()).isEqualTo("repeats");
        assertThat(lineage(secondLibrary).get("earlier")).isEmpty();

        // An agency reads the lineage of its own commitments only, and sees only its own among the linked ones.
        String agency = "lineage-" + run;
        RegistryFixtures.addAgency(RegistryFixtures.operator(port), agency);
        RegistryFixtures.assign(RegistryFixtures.operator(port), secondFlood, agency);
        Http agencyApi = RegistryFixtures.agency(port, agency);
        HttpResponse<String> own = agencyApi.get("/api/commitments/" + secondFlood + "/lineage");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(RegistryFixtures.json(own).get("earlier")).isEmpty();
        assertThat(agencyApi.get("/api/commitments/" + firstFlood + "/lineage").statusCode()).isEqualTo(404);

        // A new analysis of the later communiqué no longer finds the repeated pledge: its link goes, the other stays.
        TopicReader.write(Topics.COMMITMENTS, second, encode(new CommuniqueAnalysed(second, "test-2",
                List.of(secondFlood, secondLibrary), Instant.now())));
        await().atMost(Duration.ofSeconds(60)).until(() -> lineage(firstScholarships).get("later").isEmpty());
        assertThat(lineage(firstFlood).get("later")).hasSize(1);
        assertThat(lineage(secondFlood).get("earlier").get(0).get("relation").asString()).isEqualTo("renews");

        TopicReader.write(Topics.COMMUNIQUES, second, encode(new CommuniqueWithdrawn(second, "published in error",
                "publisher", Instant.now())));

        await().atMost(Duration.ofSeconds(60)).until(() -> lineage(firstFlood).get("later").isEmpty());
        assertThat(lineage(secondFlood).get("earlier")).isEmpty();
    }

    @Test
    void aPledgeRenewedTwiceShowsItsChainsFactsWhichFollowStatusChangesAndWithdrawalsAndItsLinksAreAnnounced() {
        String run = UUID.randomUUID().toString();
        String series = "Harbour-Partnership-" + run;
        String pledge = "The partners will fund twenty scholarships for graduate students in marine engineering.";
        String y1 = "doc-facts-1-" + run;
        String y2 = "doc-facts-2-" + run;
        String y3 = "doc-facts-3-" + run;
        String p1 = "cmt-f1-" + run;
        String p2 = "cmt-f2-" + run;
        String p3 = "cmt-f3-" + run;
        String library = "cmt-f3-library-" + run;
        register(y1, List.of(extracted(p1, y1, 2021, 1, pledge, List.of(series))));
        register(y2, List.of(extracted(p2, y2, 2022, 1, pledge, List.of(series))));
        await().atMost(Duration.ofSeconds(60)).until(() -> lineage(p2).get("earlier").size() == 1);
        assertThat(facts(p2)).isEqualTo("2021-05-20/1/true");

        register(y3, List.of(extracted(p3, y3, 2023, 1, pledge, List.of(series)),
                extracted(library, y3, 2023, 2, "The partners will open a digital library of agricultural soil surveys.",
                        List.of(series))));
        await().atMost(Duration.ofSeconds(60)).until(() -> !lineage(p3).get("earlier").isEmpty());
        // Renewed in 2022 and 2023, each time while the earlier pledges stayed PLEDGED.
        assertThat(facts(p3)).isEqualTo("2021-05-20/2/true");
        assertThat(facts(library)).isEqualTo("2023-05-20/0/false");
        assertThat(facts(p1)).isEqualTo("2021-05-20/0/false");

        String ofSeries = "/api/commitments?organisation=" + series;
        assertThat(ids(ofSeries + "&minRenewals=2")).containsExactly(p3);
        assertThat(ids(ofSeries + "&minRenewals=1")).containsExactlyInAnyOrder(p2, p3);
        assertThat(ids(ofSeries + "&renewedWithoutProgress=true")).containsExactlyInAnyOrder(p2, p3);
        assertThat(ids(ofSeries + "&renewedWithoutProgress=false")).containsExactlyInAnyOrder(p1, library);
        assertThat(ids(ofSeries + "&firstPledgedBefore=2021-12-31")).containsExactlyInAnyOrder(p1, p2, p3);
        assertThat(ids(ofSeries + "&firstPledgedAfter=2022-01-01")).containsExactly(library);
        HttpResponse<String> refused = RegistryFixtures.operator(port).get(ofSeries + "&minRenewals=-1");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode renewedSummary = RegistryFixtures.json(RegistryFixtures.operator(port)
                .get("/api/commitments/summary?minRenewals=1&organisation=" + series));
        assertThat(renewedSummary.get("overall").get("total").asLong()).isEqualTo(2);

        List<String> csv = RegistryFixtures.operator(port).get("/api/commitments/export.csv?organisation=" + series)
                .body().lines().toList();
        assertThat(csv.get(0)).endsWith(",firstPledged,renewals,renewedWithoutProgress");
        assertThat(csv).filteredOn(line -> line.startsWith(p3 + ",")).singleElement().asString()
                .endsWith(",2021-05-20,2,true");
        assertThat(csv).filteredOn(line -> line.startsWith(library + ",")).singleElement().asString()
                .endsWith(",2023-05-20,0,false");

        // Each link is announced once, under an id made of the link and its relation (a redelivered analysis
        // links the same again and announces nothing new).
        TopicReader.write(Topics.COMMITMENTS, y2, encode(new CommuniqueAnalysed(y2, "test", List.of(p2), Instant.now())));
        List<CommitmentLinked> announced = TopicReader.readUntil(Topics.LINKS,
                        records -> records.stream().anyMatch(r -> p3.equals(r.key())), Duration.ofSeconds(60), Duration.ofSeconds(3))
                .stream().filter(r -> p2.equals(r.key()) || p3.equals(r.key()))
                .map(r -> codec.decode(r.value(), CommitmentLinked.class).data()).toList();
        assertThat(announced).filteredOn(e -> e.commitmentId().equals(p2)).allSatisfy(e -> {
            assertThat(e.earlierCommitmentId()).isEqualTo(p1);
            assertThat(e.documentId()).isEqualTo(y2);
            assertThat(e.earlierDocumentId()).isEqualTo(y1);
            assertThat(e.relation()).isEqualTo("repeats");
            assertThat(e.earlierWithoutProgress()).as("the 2021 pledge is still PLEDGED").isTrue();
        }).isNotEmpty();
        assertThat(announced).filteredOn(e -> e.commitmentId().equals(p3))
                .allSatisfy(e -> assertThat(e.earlierWithoutProgress()).as("its chain still PLEDGED").isTrue()).isNotEmpty();
        assertThat(TopicReader.readAll(Topics.LINKS, Duration.ofSeconds(2)).stream().filter(r -> p2.equals(r.key()))
                .map(r -> codec.decode(r.value(), CommitmentLinked.class).id()).distinct())
                .containsExactly(EventIds.of("commitment.linked.v1", p2, p1, "repeats"));

        // Progress on the first pledge: neither renewal is without progress any more, at once.
        HttpResponse<String> started = RegistryFixtures.operator(port).post("/api/commitments/" + p1 + "/status",
                "{\"status\":\"IN_PROGRESS\",\"reason\":\"the first scholars were funded\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(facts(p3)).isEqualTo("2021-05-20/2/false");
        assertThat(ids(ofSeries + "&renewedWithoutProgress=true")).isEmpty();

        // The 2022 communiqué withdrawn: it is no part of the 2023 pledge's chain any more.
        TopicReader.write(Topics.COMMUNIQUES, y2, encode(new CommuniqueWithdrawn(y2, "published in error", "publisher",
                Instant.now())));
        await().atMost(Duration.ofSeconds(60)).until(() -> lineage(p3).get("earlier").findValuesAsString("commitmentId")
                .stream().noneMatch(p2::equals));
        int stillEarlier = lineage(p3).get("earlier").size();
        assertThat(facts(p3)).isEqualTo(stillEarlier == 1 ? "2021-05-20/1/false" : "2023-05-20/0/false");
        assertThat(ids(ofSeries + "&minRenewals=2")).isEmpty();
    }

    /**
     * An analysis that names a commitment an analyst rejected (withdrawn) links the communiqué's others at once: the
     * rejected one is registered, so nothing is left to wait for.
     */
    @Test
    void anAnalysisNamingARejectedCommitmentLinksTheOthersWithoutWaiting() {
        String run = UUID.randomUUID().toString();
        List<String> series = List.of("Highland Forum " + run);
        String first = "doc-rejected-1-" + run;
        String second = "doc-rejected-2-" + run;
        String earlier = "cmt-r1-" + run;
        String renewal = "cmt-r2-" + run;
        String rejected = "cmt-r2-rejected-" + run;
        register(first, List.of(extracted(earlier, first, 2021, 1, "The partners will build three seed banks for"
                + " mountain crops.", series)));
        List<CommitmentExtracted> later = List.of(
                extracted(renewal, second, 2022, 1, "The partners will build three seed banks for mountain crops and"
                        + " train their keepers.", series),
                extracted(rejected, second, 2022, 2, "The partners note the weather.", series));
        later.forEach(c -> TopicReader.write(Topics.COMMITMENTS, c.commitmentId(), encode(c)));
        awaitRegistered(later);
        HttpResponse<String> rejection = RegistryFixtures.operator(port).post("/api/commitments/" + rejected + "/reject",
                "{\"reason\":\"not a commitment\"}");
        assertThat(rejection.statusCode()).as(rejection.body()).isEqualTo(200);

        TopicReader.write(Topics.COMMITMENTS, second, encode(analysis(second, later)));

        await().atMost(Duration.ofSeconds(60)).until(() -> lineage(earlier).get("later").size() == 1);
        assertThat(lineage(renewal).get("earlier").findValuesAsString("commitmentId")).containsExactly(earlier);
        assertThat(mongo.getCollection(LineageLinker.WAITING).countDocuments(new Document("_id", second))).isZero();
    }

    /**
     * A communiqué that waits for its last commitments while the index is built (after a withdrawal) is left out of
     * the build and linked when they come, without another build: in a burst of uploads, one build per withdrawal or
     * start, not one per communiqué that was still arriving.
     */
    @Test
    void aCommuniqueWaitingWhileTheIndexIsBuiltIsLinkedWithoutBuildingItAgain() {
        String run = UUID.randomUUID().toString();
        List<String> series = List.of("River Basin Council " + run);
        String pledge = "The members will map the groundwater of the upper basin and publish the maps.";
        String first = "doc-build-1-" + run;
        String withdrawn = "doc-build-2-" + run;
        String waiting = "doc-build-3-" + run;
        String linkedMeanwhile = "doc-build-4-" + run;
        String earliest = "cmt-b1-" + run;
        register(first, List.of(extracted(earliest, first, 2020, 1, pledge, series)));
        String withdrawnRenewal = "cmt-b2-" + run;
        register(withdrawn, List.of(extracted(withdrawnRenewal, withdrawn, 2021, 1, pledge, series)));
        await().atMost(Duration.ofSeconds(60)).until(() -> lineage(earliest).get("later").size() == 1);
        TopicReader.write(Topics.COMMUNIQUES, withdrawn, encode(new CommuniqueWithdrawn(withdrawn, "published in error",
                "publisher", Instant.now())));
        await().atMost(Duration.ofSeconds(60)).until(() -> lineage(earliest).get("later").isEmpty());

        // The analysis first, and one of its two commitments: the communiqué waits for the other.
        CommitmentExtracted arrived = extracted("cmt-b3-arrived-" + run, waiting, 2022, 1, pledge, series);
        CommitmentExtracted late = extracted("cmt-b3-late-" + run, waiting, 2022, 2,
                "The members will train hydrologists in every riparian state.", series);
        TopicReader.write(Topics.COMMITMENTS, waiting, encode(analysis(waiting, List.of(arrived, late))));
        TopicReader.write(Topics.COMMITMENTS, arrived.commitmentId(), encode(arrived));
        awaitRegistered(List.of(arrived));
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.getCollection(LineageLinker.WAITING)
                .countDocuments(new Document("_id", waiting)) == 1);

        double before = builds();
        String meanwhile = "cmt-b4-" + run;
        register(linkedMeanwhile, List.of(extracted(meanwhile, linkedMeanwhile, 2023, 1, pledge, series)));
        await().atMost(Duration.ofSeconds(60)).until(() -> !lineage(meanwhile).get("earlier").isEmpty());
        assertThat(builds()).as("the withdrawal left the index to build again").isEqualTo(before + 1);

        TopicReader.write(Topics.COMMITMENTS, late.commitmentId(), encode(late));
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.getCollection(LineageLinker.WAITING)
                .countDocuments(new Document("_id", waiting)) == 0);
        assertThat(lineage(arrived.commitmentId()).get("earlier").findValuesAsString("commitmentId")).contains(earliest);
        assertThat(builds()).as("the waiting communiqué was left out of the build, so linking it builds nothing")
                .isEqualTo(before + 1);
    }

    @Test
    void theLineageOfAnUnknownCommitmentIsThe404Problem() {
        HttpResponse<String> response = Http.local(port).as(TestTokens.bearer("reader")).get("/api/commitments/nope/lineage");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(RegistryFixtures.json(response).get("title").asString()).isEqualTo("Unknown commitment");
    }

    /** A communiqué's commitments, then (once they are registered) its analysis naming them all. */
    private void register(String documentId, List<CommitmentExtracted> commitments) {
        commitments.forEach(c -> TopicReader.write(Topics.COMMITMENTS, c.commitmentId(), encode(c)));
        awaitRegistered(commitments);
        TopicReader.write(Topics.COMMITMENTS, documentId, encode(analysis(documentId, commitments)));
    }

    /**
     * A communiqué's analysis, registered first, and only then its commitments: as happens when they come on other
     * partitions than the analysis. The communiqué waits for them and is linked once the last is registered.
     */
    private void registerAnalysisFirst(String documentId, List<CommitmentExtracted> commitments) {
        TopicReader.write(Topics.COMMITMENTS, documentId, encode(analysis(documentId, commitments)));
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.getCollection(LineageLinker.WAITING)
                .countDocuments(new Document("_id", documentId)) == 1);
        commitments.forEach(c -> TopicReader.write(Topics.COMMITMENTS, c.commitmentId(), encode(c)));
        awaitRegistered(commitments);
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.getCollection(LineageLinker.WAITING)
                .countDocuments(new Document("_id", documentId)) == 0);
    }

    private void awaitRegistered(List<CommitmentExtracted> commitments) {
        await().atMost(Duration.ofSeconds(60)).until(() -> commitments.stream()
                .allMatch(c -> RegistryFixtures.operator(port).get("/api/commitments/" + c.commitmentId()).statusCode() == 200));
    }

    private static CommuniqueAnalysed analysis(String documentId, List<CommitmentExtracted> commitments) {
        return new CommuniqueAnalysed(documentId, "test", commitments.stream().map(CommitmentExtracted::commitmentId).toList(),
                Instant.now());
    }

    /** A commitment's lineage facts as its answer shows them: firstPledged/renewals/renewedWithoutProgress. */
    private String facts(String commitmentId) {
        HttpResponse<String> response = RegistryFixtures.operator(port).get("/api/commitments/" + commitmentId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode facts = RegistryFixtures.json(response).get("lineage");
        return facts.get("firstPledged").asString() + "/" + facts.get("renewals").asInt() + "/"
                + facts.get("renewedWithoutProgress").asBoolean();
    }

    /** The ids a list query finds (one page is all of them here). */
    private List<String> ids(String listQuery) {
        HttpResponse<String> response = RegistryFixtures.operator(port).get(listQuery);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode page = RegistryFixtures.json(response);
        assertThat(page.get("total").asLong()).isEqualTo(page.get("items").size());
        return page.get("items").findValuesAsString("id");
    }

    private double builds() {
        return meters.get(LineageLinker.BUILDS).counter().count();
    }

    private JsonNode lineage(String commitmentId) {
        HttpResponse<String> response = Http.local(port).as(TestTokens.bearer("reader"))
                .get("/api/commitments/" + commitmentId + "/lineage");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RegistryFixtures.json(response);
    }

    private byte[] encode(EventData data) {
        return codec.encode(EventEnvelope.of(UUID.randomUUID(), "/test", data, Instant.now(), null));
    }

    private static CommitmentExtracted extracted(String id, String documentId, int year, int ordinal, String text,
                                                 List<String> organisations) {
        return new CommitmentExtracted(id, documentId, "Joint statement", LocalDate.of(year, 5, 20), "bullet", 1,
                ordinal, text, List.of(), List.of(), organisations, List.of(), List.of(), "test");
    }
}
