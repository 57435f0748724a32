package no.fristed.facts;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import no.fristed.common.ContentDir;
import no.fristed.common.ContentFiles;

/**
 * The phone numbers content may give (content/taxonomy/phone-numbers.yaml, each with the public page that states
 * it), and a finder for phone-like numbers in text. A wrong number sends a young person in crisis nowhere, so any
 * other number in a page is an error.
 *
 * <p>What counts as phone-like follows Norwegian numbering: eight digits (22 59 13 00, 415 24 141, 22591300), the
 * 11x emergency numbers, 116 xxx, five digits starting with 0 (02800), anything after +47, and three or more groups
 * of digits (a mistyped number such as 22 59 13 0). Not phone-like: addresses, years and other four-digit numbers,
 * amounts written with thousands spaces (120 000), ranges and dates (13-15, 2026-11-01), decimals and times (0,5,
 * 22:00), law sections (§ 3-4, §§ 3-4, 4-3) and digits in web addresses.
 */
@ApplicationScoped
public class PhoneNumbers {

    /**
     * One number content may give, with who it reaches and the page that states it; {@code chatEmergency} is its
     * place on the chat's emergency card (shown when the chat is closed), or null when it is not on it.
     */
    public record Entry(String number, String name, String source, Integer chatEmergency) {
    }

    private static final Pattern ADDRESS = Pattern.compile("(?i)(?:https?://|www\\.)\\S+|\\]\\([^)\\s]*\\)");
    private static final Pattern LAW_SECTION = Pattern.compile(
            "§§?\\s*\\d+(?:[-–.]\\d+)*(?:\\s*(?:,|og|and|eller|or)\\s*\\d+(?:[-–.]\\d+)*)*");
    /** Digit groups separated by single spaces, standing alone (not part of a range, date, decimal or time). */
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,:/–+-])(\\+47[ \\u00A0]?)?(\\d++(?:[ \\u00A0]\\d++)*+)(?![.,:/–-]\\d)");

    private final Set<String> known;
    private final List<Entry> emergencyCard;

    @Inject
    PhoneNumbers(ContentFiles files, @ContentDir Path contentDir) {
        this(files.read(contentDir.resolve("taxonomy/phone-numbers.yaml"), new TypeReference<List<Entry>>() { }));
    }

    PhoneNumbers(List<Entry> entries) {
        this.known = entries.stream().map(e -> digits(e.number())).collect(Collectors.toUnmodifiableSet());
        this.emergencyCard = entries.stream().filter(e -> e.chatEmergency() != null)
                .sorted(Comparator.comparing(Entry::chatEmergency)).toList();
    }

    /** The numbers on the chat's emergency card, in their order. */
    public List<Entry> emergencyCard() {
        return emergencyCard;
    }

    /** The phone-like numbers in the text that are not in the list, as written. */
    public List<String> unknownIn(String text) {
        return find(text).stream().filter(number -> !known.contains(digits(number))).toList();
    }

    /** Every phone-like number in the text, as written. */
    static List<String> find(String text) {
        String plain = LAW_SECTION.matcher(ADDRESS.matcher(text).replaceAll(" ")).replaceAll(" ");
        List<String> found = new ArrayList<>();
        Matcher candidate = CANDIDATE.matcher(plain);
        while (candidate.find()) {
            boolean international = candidate.group(1) != null;
            List<String> groups = List.of(candidate.group(2).split("[ \\u00A0]"));
            if (international || isPhoneLike(groups)) {
                found.add(candidate.group().strip());
            }
        }
        return found;
    }

    private static boolean isPhoneLike(List<String> groups) {
        String digits = String.join("", groups);
        boolean thousands = groups.size() >= 2 && groups.get(0).length() <= 3
                && groups.stream().skip(1).allMatch(g -> g.length() == 3);
        return switch (digits.length()) {
            case 3 -> groups.size() == 1 && digits.startsWith("11");
            case 5 -> digits.startsWith("0");
            case 6 -> digits.startsWith("116");
            case 8 -> !thousands;
            default -> groups.size() >= 3 && !thousands;
        };
    }

    private static String digits(String number) {
        String digits = number.replaceAll("\\D", "");
        return digits.startsWith("47") && digits.length() == 10 ? digits.substring(2) : digits;
    }
}
