package no.fristed.privacy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in what a young person writes, before it is relayed or stored: phone numbers (Norwegian and
 * international, via libphonenumber), e-mail addresses, fødselsnummer and D-nummer (valid check digits only), bank
 * account numbers, street addresses and @handles. Ages and ordinary numbers are left alone.
 */
@ApplicationScoped
public class PrivacyGuard {

    /** Where a piece of personal data was found ([start, end) in the original text). */
    public record Finding(PersonalData kind, int start, int end) {
    }

    /** What was found and the text with each finding replaced by its placeholder. */
    public record Result(List<Finding> findings, String redacted) {

        public boolean clean() {
            return findings.isEmpty();
        }
    }

    private static final Pattern ELEVEN_DIGITS = Pattern.compile("(?<![\\d.])(\\d{4})[. ]?(\\d{2})[. ]?(\\d{5})(?![\\d])");
    /** Eight digits, optionally after +47/0047, however grouped: checked against libphonenumber's Norwegian plan. */
    private static final Pattern NORWEGIAN_NUMBER = Pattern.compile(
            "(?<![\\d+])(?:(?:\\+|00)47[\\s.-]?)?\\d(?:[\\s.-]?\\d){7}(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile(
            "[\\p{L}0-9._%+-]+@[\\p{L}0-9-]+(?:\\.[\\p{L}0-9-]+)*\\.\\p{L}{2,}");
    /** An @handle, and any handles glued to it ("@ola@kari"), as one finding. */
    private static final Pattern HANDLE = Pattern.compile("(?<![\\p{L}0-9._%+-])@[A-Za-z0-9_.]{2,30}(?:@[A-Za-z0-9_.]{2,30})*");
    private static final String STREET = "gata|gaten|gate|veien|vei|vegen|veg|allé|plass|plassen|stien|bakken|torget|kaia|brygge|ringen";
    private static final Pattern ADDRESS = Pattern.compile(
            "(?:(?:\\p{Lu}[\\p{L}'.-]*\\s){1,3}(?:gate|gata|vei|veg|allé|plass)"
                    + "|(?<![\\p{L}])[\\p{L}'.-]+?(?:" + STREET + "))\\s\\d{1,4}(?:\\s?[A-Za-z](?![\\p{L}]))?(?![\\d])",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final int[] FNR_WEIGHTS_1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] MOD11_WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private static final int MAX_PASSES = 5;

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    public Result check(String text) {
        if (text == null || text.isEmpty()) {
            return new Result(List.of(), text == null ? "" : text);
        }
        List<Finding> findings = detect(text);
        String redacted = redact(text, findings);
        // Removing one finding can expose another (a handle glued to a handle); redact until nothing is left.
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            List<Finding> more = detect(redacted);
            if (more.isEmpty()) {
                break;
            }
            redacted = redact(redacted, more);
        }
        return new Result(findings, redacted);
    }

    private List<Finding> detect(String text) {
        List<Finding> candidates = new ArrayList<>();
        numbers(text, candidates);
        matches(EMAIL, PersonalData.EMAIL, text, candidates);
        matches(HANDLE, PersonalData.HANDLE, text, candidates);
        for (PhoneNumberMatch match : phones.findNumbers(text, "NO", PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            candidates.add(new Finding(PersonalData.PHONE, match.start(), match.end()));
        }
        // findNumbers gives up on a number followed by a stray digit ("412 34 567 0"); this catches those.
        Matcher norwegian = NORWEGIAN_NUMBER.matcher(text);
        while (norwegian.find()) {
            if (isValidNorwegianNumber(norwegian.group())) {
                candidates.add(new Finding(PersonalData.PHONE, norwegian.start(), norwegian.end()));
            }
        }
        matches(ADDRESS, PersonalData.ADDRESS, text, candidates);
        return merged(candidates);
    }

    private boolean isValidNorwegianNumber(String candidate) {
        try {
            return phones.isValidNumber(phones.parse(candidate, "NO"));
        } catch (NumberParseException e) {
            return false;
        }
    }

    /** Eleven-digit numbers: a valid fødselsnummer/D-nummer, else a valid account number, else nothing. */
    private static void numbers(String text, List<Finding> out) {
        Matcher m = ELEVEN_DIGITS.matcher(text);
        while (m.find()) {
            String digits = m.group(1) + m.group(2) + m.group(3);
            if (isNationalId(digits)) {
                out.add(new Finding(PersonalData.NATIONAL_ID, m.start(), m.end()));
            } else if (mod11(digits, MOD11_WEIGHTS, 10)) {
                out.add(new Finding(PersonalData.BANK_ACCOUNT, m.start(), m.end()));
            }
        }
    }

    /** Fødselsnummer or D-nummer (day + 40): a plausible date and both mod-11 check digits right. */
    static boolean isNationalId(String digits) {
        if (digits.length() != 11 || !digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int day = Integer.parseInt(digits.substring(0, 2));
        int month = Integer.parseInt(digits.substring(2, 4));
        int realDay = day > 40 ? day - 40 : day;
        return realDay >= 1 && realDay <= 31 && month >= 1 && month <= 12
                && mod11(digits, FNR_WEIGHTS_1, 9) && mod11(digits, MOD11_WEIGHTS, 10);
    }

    /** Whether the digit at {@code position} is the mod-11 check digit of the digits before it. */
    private static boolean mod11(String digits, int[] weights, int position) {
        int sum = 0;
        for (int i = 0; i < position; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int check = 11 - sum % 11;
        check = check == 11 ? 0 : check;
        return check != 10 && check == digits.charAt(position) - '0';
    }

    private static void matches(Pattern pattern, PersonalData kind, String text, List<Finding> out) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(new Finding(kind, m.start(), m.end()));
        }
    }

    /**
     * Merges overlapping findings into one span covering both (named by the one that starts first, or the longer at
     * the same start): redaction must cover every character any detector flagged.
     */
    private static List<Finding> merged(List<Finding> candidates) {
        List<Finding> sorted = candidates.stream()
                .sorted(Comparator.comparingInt(Finding::start).thenComparing(f -> -(f.end() - f.start()))
                        .thenComparing(Finding::kind))
                .toList();
        List<Finding> kept = new ArrayList<>();
        for (Finding finding : sorted) {
            Finding last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (last != null && finding.start() < last.end()) {
                kept.set(kept.size() - 1, new Finding(last.kind(), last.start(), Math.max(last.end(), finding.end())));
            } else {
                kept.add(finding);
            }
        }
        return List.copyOf(kept);
    }

    private static String redact(String text, List<Finding> findings) {
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (Finding finding : findings) {
            out.append(text, from, finding.start()).append(finding.kind().placeholder());
            from = finding.end();
        }
        return out.append(text.substring(from)).toString();
    }
}
