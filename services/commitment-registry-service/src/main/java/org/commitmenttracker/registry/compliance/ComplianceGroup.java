package org.commitmenttracker.registry.compliance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.commitmenttracker.registry.lifecycle.CommitmentStatus;

/**
 * Counts per status and the mean compliance (+1 full, 0 partial, −1 none) of the assessed members; {@code compliance}
 * is null when none is assessed (before the first assessment date, or all cancelled, superseded or withdrawn).
 */
public record ComplianceGroup(Map<String, Long> byStatus, long total, long assessed, Double compliance) {

    /** A commitment as a group counts it: the status it is counted under and its score (null: not assessed). */
    public interface Member {
        CommitmentStatus status();

        Integer score();
    }

    public static ComplianceGroup of(Collection<? extends Member> members) {
        Map<String, Long> byStatus = new TreeMap<>();
        long assessed = 0;
        long scoreSum = 0;
        for (Member member : members) {
            byStatus.merge(member.status().name(), 1L, Long::sum);
            if (member.score() != null) {
                assessed++;
                scoreSum += member.score();
            }
        }
        return new ComplianceGroup(byStatus, members.size(), assessed, assessed == 0 ? null : (double) scoreSum / assessed);
    }

    /** One group per key; a member with several keys (parties, agencies) counts in each, one with none in none. */
    public static <T extends Member> Map<String, ComplianceGroup> by(List<T> members, Function<T, List<String>> keys) {
        Map<String, List<T>> groups = new TreeMap<>();
        for (T member : members) {
            for (String key : keys.apply(member)) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(member);
            }
        }
        Map<String, ComplianceGroup> result = new TreeMap<>();
        groups.forEach((key, group) -> result.put(key, of(group)));
        return result;
    }

    /** The group key of a section: its number, or {@code none}. */
    public static List<String> sectionKey(Integer section) {
        return List.of(section == null ? "none" : String.valueOf(section));
    }
}
