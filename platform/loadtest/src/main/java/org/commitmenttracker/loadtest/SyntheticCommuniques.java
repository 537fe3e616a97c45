package org.commitmenttracker.loadtest;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Distinct communiqués made from the seed, so that ingestion's de-duplication (content hash) keeps every one and
 * extraction finds a full set of commitments in each: every year moved forward by 1–20, the meeting's date moved,
 * and one extra agreed bullet naming a third party and the run and variant, so no two runs collide either.
 */
final class SyntheticCommuniques {
    private static final Pattern YEAR = Pattern.compile("(?<![0-9])(20[0-9]{2})(?![0-9])");
    private static final Pattern MEETING_DATE = Pattern.compile("(\\d{4}) 年 12 月 5 日");
    private static final String AGREED = "为此，双方商定：";
    private static final List<String> THIRD_PARTIES = List.of("哈萨克斯坦", "蒙古国", "白俄罗斯", "乌兹别克斯坦", "吉尔吉斯斯坦",
            "塔吉克斯坦", "土库曼斯坦", "阿塞拜疆");
    private static final List<String> FIELDS = List.of("物流", "能源", "农业", "数字经济", "卫生", "教育", "旅游", "科技创新");

    private final String seed;
    private final String runId;

    SyntheticCommuniques(String seed, String runId) {
        if (!seed.contains(AGREED)) {
            throw new IllegalArgumentException("The seed has no '" + AGREED + "' list to add a bullet to");
        }
        this.seed = seed;
        this.runId = runId;
    }

    String variant(int index) {
        int shift = 1 + index % 20;
        Matcher years = YEAR.matcher(seed);
        StringBuilder text = new StringBuilder();
        while (years.find()) {
            years.appendReplacement(text, String.valueOf(Integer.parseInt(years.group(1)) + shift));
        }
        years.appendTail(text);
        String shifted = MEETING_DATE.matcher(text).replaceFirst("$1 年 " + (1 + index % 12) + " 月 " + (1 + index % 28) + " 日");
        String bullet = "\n ——与" + THIRD_PARTIES.get(index % THIRD_PARTIES.size()) + "共同推进" + FIELDS.get(index / 8 % FIELDS.size())
                + "领域第 " + (index + 1) + " 号合作项目（批次 " + runId + "），支持举办相关交流活动。\n";
        int at = shifted.indexOf(AGREED) + AGREED.length();
        return shifted.substring(0, at) + bullet + shifted.substring(at);
    }
}
