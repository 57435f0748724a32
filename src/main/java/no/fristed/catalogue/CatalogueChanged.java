package no.fristed.catalogue;

/** CDI event fired when a service was written; the read cache reloads once the transaction commits. */
public record CatalogueChanged(String serviceId) {
}
