package no.fristed.facts;

import java.util.List;
import java.util.Optional;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Turns a page's Markdown into what one age band reads. Sections meant for some bands only are wrapped as
 * {@code <!-- band: 13-15, 16-17 -->…<!-- /band -->}; everything else is for every band. HTML output is safe to
 * show: raw HTML in the Markdown is escaped, links other than https: and in-page # are reduced to their text, and
 * images (a remote image tells its host who reads the page) are reduced to their description.
 */
final class FactRenderer {

    private static final String COMMENT_OPEN = "<!--";
    private static final String COMMENT_CLOSE = "-->";
    private static final Parser PARSER = Parser.builder().postProcessor(FactRenderer::neutralise).build();
    private static final Parser AS_WRITTEN = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    /** A band marker found in the text: an opening one lists its bands, a closing one has none. */
    record Marker(int start, int end, boolean opening, List<String> bands) {
    }

    private FactRenderer() {
    }

    /**
     * The Markdown with the sections for other bands removed. One pass over the text: each comment is looked at
     * once, so the time grows with the length of the page, however many markers it has.
     */
    static String variant(String markdown, AgeBand band) {
        StringBuilder out = new StringBuilder(markdown.length());
        int from = 0;
        while (true) {
            Optional<Marker> open = nextMarker(markdown, from, true);
            Optional<Marker> close = open.flatMap(o -> nextMarker(markdown, o.end(), false));
            if (close.isEmpty()) {
                out.append(markdown, from, markdown.length());
                break;
            }
            out.append(markdown, from, open.get().start());
            if (open.get().bands().contains(band.code())) {
                out.append(markdown, open.get().end(), close.get().start());
            }
            from = close.get().end();
            if (from < markdown.length() && markdown.charAt(from) == '\n') {
                from++;
            }
        }
        return collapseBlankLines(out).strip() + "\n";
    }

    /** The next opening (or closing) band marker at or after {@code from}. */
    static Optional<Marker> nextMarker(String text, int from, boolean opening) {
        int at = text.indexOf(COMMENT_OPEN, from);
        while (at >= 0) {
            Optional<Marker> marker = markerAt(text, at);
            if (marker.isPresent() && marker.get().opening() == opening) {
                return marker;
            }
            at = text.indexOf(COMMENT_OPEN, at + COMMENT_OPEN.length());
        }
        return Optional.empty();
    }

    /**
     * The band marker starting at {@code at}, if there is one. Reads only the marker's own characters (digits,
     * commas, spaces and hyphens, which never include the '<' of the next comment), so scanning stays linear.
     */
    static Optional<Marker> markerAt(String text, int at) {
        int i = skipSpaces(text, at + COMMENT_OPEN.length());
        if (text.startsWith("/band", i)) {
            int end = skipSpaces(text, i + "/band".length());
            return text.startsWith(COMMENT_CLOSE, end)
                    ? Optional.of(new Marker(at, end + COMMENT_CLOSE.length(), false, List.of()))
                    : Optional.empty();
        }
        if (!text.startsWith("band:", i)) {
            return Optional.empty();
        }
        int listStart = i + "band:".length();
        int j = listStart;
        while (j < text.length() && isBandListChar(text.charAt(j))) {
            j++;
        }
        // The list's run of hyphens and spaces swallows the "--" of "-->"; the marker ends where '>' follows it.
        String run = text.substring(listStart, j);
        if (j >= text.length() || text.charAt(j) != '>' || !run.endsWith("--")) {
            return Optional.empty();
        }
        List<String> bands = List.of(run.substring(0, run.length() - 2).split(",")).stream()
                .map(String::strip).filter(code -> !code.isEmpty()).toList();
        return Optional.of(new Marker(at, j + 1, true, bands));
    }

    private static boolean isBandListChar(char c) {
        return (c >= '0' && c <= '9') || c == ',' || c == '-' || Character.isWhitespace(c);
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String collapseBlankLines(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        int newlines = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            newlines = c == '\n' ? newlines + 1 : 0;
            if (newlines <= 2) {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String html(String markdown) {
        return HTML.render(PARSER.parse(markdown));
    }

    static String plainText(String markdown) {
        return TEXT.render(PARSER.parse(markdown));
    }

    /** The parsed Markdown as written (links and images kept), for rules that look at them. */
    static Node parse(String markdown) {
        return AS_WRITTEN.parse(markdown);
    }

    /** Whether a link may stay a link: https only, or a jump within the page. */
    static boolean isAllowedLink(String destination) {
        return destination.startsWith("https://") || destination.startsWith("#");
    }

    private static Node neutralise(Node document) {
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                visitChildren(link);
                if (!isAllowedLink(link.getDestination())) {
                    unwrap(link);
                }
            }

            @Override
            public void visit(Image image) {
                image.insertBefore(new Text(altText(image)));
                image.unlink();
            }
        });
        return document;
    }

    private static void unwrap(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            node.insertBefore(child);
            child = next;
        }
        node.unlink();
    }

    private static String altText(Node node) {
        StringBuilder alt = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                alt.append(text.getLiteral());
            }
        });
        return alt.toString();
    }
}
