package no.fristed.facts;

/** CDI event fired when the set of published pages changed; the library reloads once the transaction commits. */
public record FactsChanged(String pageId) {
}
