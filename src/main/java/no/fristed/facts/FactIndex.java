package no.fristed.facts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.no.NorwegianLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * In-memory Lucene index of published pages, one document per page, language and age band. Norwegian stemming and
 * stop words; slang is mapped at query time to the names pages are filed under (weed → cannabis, piller → four
 * names), matched exactly against each page's substances and topics; the longest phrase wins (røyke hasj →
 * cannabis, not røyke → nikotin). Misspellings are caught by fuzzy terms (kanabis → cannabis).
 */
final class FactIndex {

    /** One page that matched, with a highlighted snippet of its text (HTML-escaped, matches in mark tags). */
    record Hit(String slug, String lang, AgeBand band, float score, String highlight) {
    }

    private static final CharArraySet STOP_WORDS = NorwegianAnalyzer.getDefaultStopSet();
    private static final Map<String, Float> FIELDS = Map.of("keywords", 8f, "title", 5f, "summary", 2f, "body", 1f);
    private static final java.util.Set<String> FUZZY_FIELDS = java.util.Set.of("keywords", "title");
    /** A page filed under the name a word stands for outranks pages that only use the word. */
    private static final float NAME_BOOST = 10f;

    private final Analyzer indexAnalyzer = analyzer();
    private final Analyzer namesAnalyzer;
    private final IndexSearcher searcher;

    FactIndex(Collection<PublishedFact> facts, Map<String, List<String>> synonyms) {
        namesAnalyzer = namesAnalyzer(synonymMap(synonyms));
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(indexAnalyzer))) {
            for (PublishedFact fact : facts) {
                for (AgeBand band : fact.content().audience()) {
                    writer.addDocument(document(fact, band));
                }
            }
            writer.commit();
            searcher = new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Searches the given pages (ids "slug.lang", already resolved to the reader's language) in one band's text, or,
     * when {@code band} is null, in the band a reader gets without an age (each page's youngest), as reading does.
     */
    List<Hit> search(String text, Set<String> pageIds, AgeBand band, int limit) {
        List<String> terms = terms(indexAnalyzer, text);
        List<String> names = names(text);
        if ((terms.isEmpty() && names.isEmpty()) || pageIds.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder matching = new BooleanQuery.Builder();
        for (String name : names) {
            matching.add(new BoostQuery(new TermQuery(new Term("names", name)), NAME_BOOST), BooleanClause.Occur.SHOULD);
        }
        BooleanQuery.Builder exact = new BooleanQuery.Builder();
        for (String term : terms) {
            FIELDS.forEach((field, boost) -> {
                TermQuery termQuery = new TermQuery(new Term(field, term));
                matching.add(new BoostQuery(termQuery, boost), BooleanClause.Occur.SHOULD);
                exact.add(termQuery, BooleanClause.Occur.SHOULD);
                // Typos are caught where they matter (names and titles); fuzzy matching long bodies is slow and noisy.
                if (term.length() >= 4 && FUZZY_FIELDS.contains(field)) {
                    matching.add(new BoostQuery(new FuzzyQuery(new Term(field, term), term.length() >= 6 ? 2 : 1),
                            boost * 0.4f), BooleanClause.Occur.SHOULD);
                }
            });
        }
        Query query = matching.build();
        BooleanQuery.Builder filtered = new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(new TermInSetQuery("page", pageIds.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER);
        filtered.add(band != null ? new TermQuery(new Term("band", band.code()))
                : new TermQuery(new Term("default", "yes")), BooleanClause.Occur.FILTER);
        try {
            List<Hit> hits = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"),
                    new SimpleHTMLEncoder(), new QueryScorer(exact.build(), "body"));
            for (ScoreDoc scoreDoc : searcher.search(filtered.build(), limit * AgeBand.values().length).scoreDocs) {
                Document doc = searcher.storedFields().document(scoreDoc.doc);
                if (seen.add(doc.get("page")) && hits.size() < limit) {
                    hits.add(new Hit(doc.get("slug"), doc.get("lang"), AgeBand.parse(doc.get("band")).orElseThrow(),
                            scoreDoc.score, highlight(highlighter, doc)));
                }
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String highlight(Highlighter highlighter, Document doc) throws IOException {
        try {
            String fragment = highlighter.getBestFragment(indexAnalyzer, "body", doc.get("body"));
            return fragment != null ? fragment : new SimpleHTMLEncoder().encodeText(doc.get("summary"));
        } catch (InvalidTokenOffsetsException e) {
            return new SimpleHTMLEncoder().encodeText(doc.get("summary"));
        }
    }

    private static Document document(PublishedFact fact, AgeBand band) {
        FactContent content = fact.content();
        Document doc = new Document();
        doc.add(new StringField("page", fact.pageId(), Field.Store.YES));
        doc.add(new StringField("slug", fact.slug(), Field.Store.YES));
        doc.add(new StringField("lang", fact.lang(), Field.Store.YES));
        doc.add(new StringField("band", band.code(), Field.Store.YES));
        doc.add(new StringField("default", band == fact.defaultBand() ? "yes" : "no", Field.Store.NO));
        for (String name : content.substances()) {
            doc.add(new StringField("names", name.toLowerCase(Locale.ROOT), Field.Store.NO));
        }
        for (String name : content.topics()) {
            doc.add(new StringField("names", name.toLowerCase(Locale.ROOT), Field.Store.NO));
        }
        doc.add(new TextField("title", content.title(), Field.Store.YES));
        doc.add(new TextField("summary", content.summary(), Field.Store.YES));
        doc.add(new TextField("keywords", content.keywords() + " " + fact.slug().replace('-', ' '), Field.Store.NO));
        doc.add(new TextField("body", FactRenderer.plainText(FactRenderer.variant(content.body(), band)), Field.Store.YES));
        return doc;
    }

    private static Analyzer analyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new StopFilter(new LowerCaseFilter(source), STOP_WORDS);
                return new TokenStreamComponents(source, new NorwegianLightStemFilter(stream));
            }
        };
    }

    /** Whole words only (no stemming): "drikke" stands for alkohol, but "energidrikk" does not. */
    private static Analyzer namesAnalyzer(SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source,
                        new SynonymGraphFilter(new LowerCaseFilter(source), synonyms, true));
            }
        };
    }

    /** The names the words of a query stand for, by the synonym list. */
    private List<String> names(String text) {
        Set<String> names = new LinkedHashSet<>();
        try (TokenStream stream = namesAnalyzer.tokenStream("names", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (SynonymGraphFilter.TYPE_SYNONYM.equals(type.type())) {
                    names.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(names);
    }

    /** Each slang word (or phrase, like "e-sigarett") also searches for its canonical name. */
    private static SynonymMap synonymMap(Map<String, List<String>> synonyms) {
        try {
            SynonymMap.Builder builder = new SynonymMap.Builder(true);
            Analyzer words = analyzerWithoutStemming();
            synonyms.forEach((canonical, variants) -> variants.forEach(variant -> {
                List<String> input = terms(words, variant);
                if (!input.isEmpty()) {
                    CharsRef joined = SynonymMap.Builder.join(input.toArray(String[]::new), new CharsRefBuilder());
                    builder.add(joined, new CharsRef(canonical.toLowerCase(Locale.ROOT)), true);
                }
            }));
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Analyzer analyzerWithoutStemming() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }
        };
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(terms);
    }
}
