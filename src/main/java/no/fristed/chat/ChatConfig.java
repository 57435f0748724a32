package no.fristed.chat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the live chat. */
@ConfigMapping(prefix = "fristed.chat")
public interface ChatConfig {

    /**
     * fristed.chat.hours: weekly opening hours in Europe/Oslo, rules separated by ";", each weekdays (MO..SU) and a
     * time span; a span that closes at or before it opens runs past midnight.
     */
    @WithDefault("MO,TU,WE,TH,FR 10:00-22:00; SA,SU 12:00-20:00")
    String hours();

    /** fristed.chat.open-on-holidays: whether the chat keeps its hours on public holidays. */
    @WithDefault("true")
    boolean openOnHolidays();

    /**
     * fristed.chat.closed-dates: dates that do not follow the weekly hours, separated by ";": a date or a range
     * ("2026-12-24", "2026-12-27..2026-12-30") is closed; with a time span ("2026-12-31 10:00-14:00") it is open
     * only then.
     */
    Optional<String> closedDates();

    /** fristed.chat.reconnect-grace: how long a dropped young person's conversation waits for them. */
    @WithDefault("10m")
    Duration reconnectGrace();

    /** fristed.chat.ended-grace: how long an ended conversation stays (for feedback and a last reconnect). */
    @WithDefault("5m")
    Duration endedGrace();

    /** fristed.chat.max-message-length: longest message in characters. */
    @WithDefault("2000")
    int maxMessageLength();

    /** fristed.chat.messages-per-minute: messages one young person may send per minute. */
    @WithDefault("30")
    int messagesPerMinute();

    /** fristed.chat.opens-per-hour: chats one young person may open or cancel per hour (together). */
    @WithDefault("20")
    int opensPerHour();

    /** fristed.chat.signals-per-minute: read receipts and typing signals one participant may send per minute. */
    @WithDefault("120")
    int signalsPerMinute();

    /**
     * fristed.chat.sockets-per-session: open chat sockets per youth session or counsellor on one instance; a new
     * one beyond it closes the oldest.
     */
    @WithDefault("5")
    int socketsPerSession();

    /** fristed.chat.sockets-per-address: open chat sockets per client address on one instance; more are refused. */
    @WithDefault("50")
    int socketsPerAddress();

    /** fristed.chat.auth-timeout: how long a socket may stay open without authenticating. */
    @WithDefault("10s")
    Duration authTimeout();

    /** fristed.chat.default-capacity: concurrent chats per counsellor until they set their own. */
    @WithDefault("3")
    int defaultCapacity();

    /** fristed.chat.assumed-chat-minutes: chat length assumed for wait estimates until real chats have ended. */
    @WithDefault("15")
    int assumedChatMinutes();

    /** fristed.chat.continuation-days: how long a continuation code works. */
    @WithDefault("30")
    int continuationDays();

    /** fristed.chat.sweep-interval: how often ended chats and lapsed reconnect windows are cleaned up. */
    @WithDefault("15s")
    Duration sweepInterval();

    /** fristed.chat.block-duration: how long a blocked session cannot open chats. */
    @WithDefault("12h")
    Duration blockDuration();

    /**
     * fristed.chat.echo-endpoint: serve the bare echo on /ws/echo that the relay benchmark compares with (read by
     * {@code ChatEndpoints} at start).
     */
    @WithDefault("false")
    boolean echoEndpoint();
}
