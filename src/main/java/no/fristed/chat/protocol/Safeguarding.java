package no.fristed.chat.protocol;

import no.fristed.common.Coded;

/** The safeguarding vocabulary the chat's frames share: risk, alerts and consent to share personal data. */
public final class Safeguarding {

    private Safeguarding() {
    }

    /** How serious a counsellor judges the risk in a chat. */
    public enum RiskLevel implements Coded { NONE, CONCERN, ACUTE }

    /** What the risk is about. */
    public enum RiskCategory implements Coded { SUICIDE_SELF_HARM, OVERDOSE_INTOXICATION, VIOLENCE_ABUSE, OTHER }

    /**
     * Why supervisors are alerted: a young person said "I'm not safe now" (while waiting, every counsellor on duty
     * is alerted too), a counsellor flagged acute risk, or a counsellor asked for help.
     */
    public enum AlertKind implements Coded { URGENT, ACUTE_FLAG, HELP_REQUESTED }

    /** Personal data a counsellor may ask for so help can be sent. */
    public enum DataKind implements Coded { LOCATION, PHONE, NAME_AND_PLACE }

    /** What shared personal data would be used for. */
    public enum Purpose implements Coded { AMBULANCE, POLICE, CHILD_WELFARE_EMERGENCY }

    /** What a supervisor did that the young person is told of. */
    public enum NoticeKind implements Coded { READING_ALONG, JOINED, TOOK_OVER }
}
