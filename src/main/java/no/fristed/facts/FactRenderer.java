package no.fristed.facts;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Turns a page's Markdown into what one age band reads. Sections meant for some bands only are wrapped as
 * {@code <!-- band: 13-15, 16-17 -->…<!-- /band -->}; everything else is for every band. HTML output is safe to
 * show: raw HTML in the Markdown is escaped and unsafe link schemes are removed.
 */
final class FactRenderer {

    private static final Pattern SECTION = Pattern.compile(
            "<!--\\s*band:\\s*([0-9,\\s-]+?)\\s*-->(.*?)<!--\\s*/band\\s*-->\\n?", Pattern.DOTALL);
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    private FactRenderer() {
    }

    /** The Markdown with the sections for other bands removed. */
    static String variant(String markdown, AgeBand band) {
        Matcher sections = SECTION.matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (sections.find()) {
            boolean forBand = Arrays.stream(sections.group(1).split(","))
                    .map(String::trim)
                    .anyMatch(band.code()::equals);
            sections.appendReplacement(out, forBand ? Matcher.quoteReplacement(sections.group(2)) : "");
        }
        sections.appendTail(out);
        return out.toString().replaceAll("\\n{3,}", "\n\n").strip() + "\n";
    }

    static String html(String markdown) {
        return HTML.render(PARSER.parse(markdown));
    }

    static String plainText(String markdown) {
        return TEXT.render(PARSER.parse(markdown));
    }
}
