package no.fristed.common;

/** A content file that cannot be used; the message names the file and, where known, the field. */
public class ContentException extends RuntimeException {

    public ContentException(String file, String field, String problem) {
        super(file + (field == null || field.isEmpty() ? "" : ": field '" + field + "'") + ": " + problem);
    }
}
