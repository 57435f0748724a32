package no.fristed.catalogue;

/**
 * A parsed, valid help-finder search. Coordinates live only in this object for the length of one request.
 */
public record ServiceQuery(
        Taxonomy.Municipality municipality,
        Double latitude,
        Double longitude,
        String topic,
        Integer age,
        boolean openNow,
        boolean anonymousOnly,
        ChannelType channel,
        String language,
        String text,
        int page,
        int size) {

    public boolean near() {
        return latitude != null;
    }

    /** Leaves the coordinates out, so a logged or printed query cannot leak where someone is. */
    @Override
    public String toString() {
        return "ServiceQuery[municipality=" + (municipality == null ? null : municipality.name()) + ", topic=" + topic
                + ", near=" + near() + ", page=" + page + "]";
    }
}
