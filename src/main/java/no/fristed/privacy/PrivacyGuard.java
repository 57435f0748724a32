package no.fristed.privacy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in what a young person writes, before it is relayed or stored: phone numbers (Norwegian and
 * international, via libphonenumber), e-mail addresses, fødselsnummer and D-nummer (valid check digits only), bank
 * account numbers, street addresses and @handles. Ages and ordinary numbers are left alone. In what staff write,
 * the help services' own public contact data is left alone too.
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

    /*
     * Every pattern reads each character a bounded number of times, whatever the text: a match may only start where a
     * run of its characters starts (the negative lookbehinds), runs are taken possessively (no backtracking into them),
     * and repeated groups are possessive, which Java also runs as a loop instead of a recursion per repetition.
     */
    private static final Pattern ELEVEN_DIGITS = Pattern.compile("(?<![\\d.])(\\d{4})[. ]?(\\d{2})[. ]?(\\d{5})(?!\\d)");
    /** A date and five digits with separators: "010101-12377", "01.01.01 12377". */
    private static final Pattern DATED_ID = Pattern.compile(
            "(?<![\\d.])(\\d{2})([.\\-/ ]?)(\\d{2})\\2(\\d{2})[.\\- ]?(\\d{5})(?!\\d)");
    /** Eight digits, optionally after +47/0047, however grouped: checked against libphonenumber's Norwegian plan. */
    private static final Pattern NORWEGIAN_NUMBER = Pattern.compile(
            "(?<![\\d+])(?:(?:\\+|00)47[\\s.-]?)?\\d(?:[\\s.-]?\\d){7}(?!\\d)");
    private static final String LOCAL_PART = "[\\p{L}0-9._%+-]";
    private static final String DOMAIN_LABEL = "[\\p{L}0-9-]++";
    /** "." or a spelled-out dot: "(dot)", "[punktum]". */
    private static final String DOT = "(?:\\.|\\s{0,3}+[(\\[{]\\s{0,2}+(?iu:dot|punktum|prikk)\\s{0,2}+[)\\]}]\\s{0,3}+)";
    private static final Pattern DOMAIN_DOT = Pattern.compile(DOT);
    /**
     * Where an e-mail address may be: a local part, "@" or a spelled-out at ("(at)", "[krøllalfa]"), and dotted
     * labels. {@link #emailEnd} then finds where the top-level domain ends.
     */
    private static final Pattern EMAIL = Pattern.compile("(?<!" + LOCAL_PART + ")" + LOCAL_PART + "++"
            + "(?:@|\\s{0,3}+[(\\[{]\\s{0,2}+(?iu:at|@|krøllalfa|alfakrøll)\\s{0,2}+[)\\]}]\\s{0,3}+)"
            + "(" + DOMAIN_LABEL + "(?:" + DOT + DOMAIN_LABEL + ")*+)");
    /** An @handle, and any handles glued to it ("@ola@kari"), as one finding. */
    private static final Pattern HANDLE = Pattern.compile(
            "(?<![\\p{L}0-9._%+-])@[A-Za-z0-9_.]{2,30}+(?:@[A-Za-z0-9_.]{2,30}+)*+");
    private static final String STREET = "gata|gaten|gate|veien|vei|vegen|veg|allé|plass|plassen|stien|bakken|torget|kaia|brygge|ringen";
    private static final String WORD_START = "(?<![\\p{L}'.-])";
    private static final Pattern ADDRESS = Pattern.compile(
            "(?:" + WORD_START + "(?:\\p{Lu}[\\p{L}'.-]*+\\s){1,3}(?:gate|gata|vei|veg|allé|plass)"
                    + "|" + WORD_START + "[\\p{L}'.-]++(?<=[\\p{L}'.-](?:" + STREET + ")))"
                    + "\\s\\d{1,4}(?:\\s?[A-Za-z](?!\\p{L}))?(?!\\d)",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final int[] FNR_WEIGHTS_1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] MOD11_WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private static final int MAX_PASSES = 5;
    private static final Set<PersonalData> PUBLIC_KINDS = EnumSet.of(PersonalData.PHONE, PersonalData.EMAIL,
            PersonalData.ADDRESS);

    /** The keys of the catalogue's public contact data, and the texts they were read from. */
    private record Allowed(List<String> texts, Set<String> keys) {
    }

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final PublicContacts contacts;
    private volatile Allowed allowed = new Allowed(List.of(), Set.of());

    @Inject
    public PrivacyGuard(PublicContacts contacts) {
        this.contacts = contacts;
    }

    /** A guard that knows no public contact data. */
    public PrivacyGuard() {
        this(List::of);
    }

    /** Checks what a young person wrote: everything found is personal data. */
    public Result check(String text) {
        return check(text, Set.of());
    }

    /**
     * Checks what staff wrote: the help services' own phone numbers, e-mail addresses and street addresses, as the
     * catalogue publishes them, are not personal data there.
     */
    public Result checkStaffText(String text) {
        return check(text, allowedKeys());
    }

    private Result check(String text, Set<String> allowedKeys) {
        if (text == null || text.isEmpty()) {
            return new Result(List.of(), text == null ? "" : text);
        }
        List<Finding> findings = detect(text, allowedKeys);
        String redacted = redact(text, findings);
        // Removing one finding can expose another (a handle glued to a handle); redact until nothing is left.
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            List<Finding> more = detect(redacted, allowedKeys);
            if (more.isEmpty()) {
                break;
            }
            redacted = redact(redacted, more);
        }
        return new Result(findings, redacted);
    }

    private List<Finding> detect(String text, Set<String> allowedKeys) {
        List<Finding> found = detect(text);
        return allowedKeys.isEmpty() ? found
                : found.stream().filter(f -> !allowedKeys.contains(key(f, text))).toList();
    }

    private List<Finding> detect(String text) {
        List<Finding> candidates = new ArrayList<>();
        numbers(text, candidates);
        emails(text, candidates);
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

    private Set<String> allowedKeys() {
        List<String> texts = contacts.texts();
        Allowed known = allowed;
        if (known.texts() != texts) {
            Set<String> keys = new HashSet<>();
            texts.forEach(text -> detect(text).stream().filter(f -> PUBLIC_KINDS.contains(f.kind()))
                    .forEach(f -> keys.add(key(f, text))));
            known = new Allowed(texts, Set.copyOf(keys));
            allowed = known;
        }
        return known.keys();
    }

    /** What a finding is, however it was written: a phone number in E.164, an address in lower case, single-spaced. */
    private String key(Finding finding, String text) {
        String found = text.substring(finding.start(), finding.end());
        String normalized = switch (finding.kind()) {
            case PHONE -> e164(found);
            case ADDRESS -> found.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("(\\d) (\\p{L})$", "$1$2");
            default -> found.toLowerCase(Locale.ROOT);
        };
        return finding.kind() + ":" + normalized;
    }

    private String e164(String number) {
        try {
            return phones.format(phones.parse(number, "NO"), PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return number.replaceAll("\\D", "");
        }
    }

    /**
     * Whether the candidate's last eight digits are a Norwegian number. Built directly rather than parsed: parsing
     * costs far more, and a text can hold hundreds of candidates.
     */
    private boolean isValidNorwegianNumber(String candidate) {
        String digits = candidate.replaceAll("\\D", "");
        Phonenumber.PhoneNumber number = new Phonenumber.PhoneNumber().setCountryCode(47)
                .setNationalNumber(Long.parseLong(digits.substring(digits.length() - 8)));
        return phones.isValidNumber(number);
    }

    /**
     * Eleven-digit numbers: a valid fødselsnummer/D-nummer, else a valid account number, else nothing; and
     * fødselsnummer written as a date and five digits.
     */
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
        Matcher dated = DATED_ID.matcher(text);
        while (dated.find()) {
            if (isNationalId(dated.group(1) + dated.group(3) + dated.group(4) + dated.group(5))) {
                out.add(new Finding(PersonalData.NATIONAL_ID, dated.start(), dated.end()));
            }
        }
    }

    /** E-mail candidates that have a top-level domain: the address ends with it. */
    private static void emails(String text, List<Finding> out) {
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            int end = emailEnd(text, m.start(1), m.end(1));
            if (end > 0) {
                out.add(new Finding(PersonalData.EMAIL, m.start(), end));
            }
        }
    }

    /** The end of the last label after a dot that starts with two letters (a top-level domain), or -1. */
    private static int emailEnd(String text, int domainStart, int domainEnd) {
        int end = -1;
        Matcher dots = DOMAIN_DOT.matcher(text).region(domainStart, domainEnd);
        while (dots.find()) {
            int letters = dots.end();
            while (letters < domainEnd && Character.isLetter(text.codePointAt(letters))) {
                letters += Character.charCount(text.codePointAt(letters));
            }
            if (text.codePointCount(dots.end(), letters) >= 2) {
                end = letters;
            }
        }
        return end;
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
